/**
 * Files an operator points the system at: {@link org.fcredirect.fc.io.AtomicFileOutput} writes an
 * export whole or not at all and never touches a file it was not asked to replace;
 * {@link org.fcredirect.fc.io.BoundedReader} reads an import up to a size and a line length.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
