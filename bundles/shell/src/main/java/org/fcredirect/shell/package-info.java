/** Shared helpers of the fcr:* commands. Private to the shell bundle. */
package org.fcredirect.shell;
