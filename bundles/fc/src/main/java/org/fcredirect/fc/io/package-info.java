/**
 * File output shared by every export: {@link org.fcredirect.fc.io.AtomicFileOutput} writes a file
 * whole or not at all and never touches a file it was not asked to replace.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
