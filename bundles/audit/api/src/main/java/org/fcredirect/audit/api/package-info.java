/**
 * The audit trail of operator actions that change state: who ran what, from which kind of access
 * (SSH, the local console, JMX over RMI, HTTP), with which arguments (secrets masked) and how it
 * ended. Only interfaces and immutable values.
 */
@Export
@Version("1.0.0")
package org.fcredirect.audit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
