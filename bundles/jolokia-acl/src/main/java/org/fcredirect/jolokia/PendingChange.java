package org.fcredirect.jolokia;

import javax.management.ObjectName;

/**
 * A Jolokia exec or write that passed its operation or attribute check and waits for the HTTP
 * method check. Jolokia checks both, one after the other, in the request's thread, for every
 * request of a bulk POST too (JsonRequestHandler.handleRequest: checkForRestriction, then
 * checkHttpMethod); the method check consumes it.
 *
 * @param type "exec" or "write"
 * @param mbean the MBean it acts on
 * @param member the operation or attribute
 */
record PendingChange(String type, ObjectName mbean, String member) {

    String action() {
        return type + " " + mbean + " " + member;
    }
}
