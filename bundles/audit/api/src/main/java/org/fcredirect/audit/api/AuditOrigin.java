package org.fcredirect.audit.api;

/** The kind of access an action came through. */
public enum AuditOrigin {
    /** a shell session over SSH */
    SSH,
    /** a shell session inside the process: the local console, or a session opened by code */
    CONSOLE,
    /** JMX over the RMI connector */
    RMI,
    /** JMX over HTTP: Jolokia, or the web console */
    HTTP
}
