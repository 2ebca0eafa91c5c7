/**
 * MBeans under the {@code org.fcredirect} domain, one per service, each a DS component over that
 * service's API. Private to the jmx bundle: consoles address MBeans by object name.
 */
package org.fcredirect.jmx;
