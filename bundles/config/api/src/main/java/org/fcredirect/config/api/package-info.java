/**
 * The configuration service's API: a typed view of every fc-redirect service's settings, checked
 * against each service's metatype; staged sessions committed as a whole; a history of committed
 * versions with rollback, told to {@link org.fcredirect.config.api.ConfigListener}s; and the whole
 * configuration as one descriptor file.
 */
@Export
@Version("1.1.0")
package org.fcredirect.config.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
