package org.fcredirect.fabric.api;

import java.util.Objects;

/**
 * Where an operator reaches a node. A port of 0 is one the node does not know or does not open.
 */
public record NodeAddress(String host, int sshPort, int jmxPort, int httpPort) {

    public NodeAddress {
        Objects.requireNonNull(host, "host");
        for (int port : new int[] {sshPort, jmxPort, httpPort}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 0 (unknown) to 65535, not " + port);
            }
        }
    }

    /** e.g. {@code 127.0.0.1 ssh 8101 jmx 1099 http 8181}, leaving out the unknown ports. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(host.isEmpty() ? "?" : host);
        if (sshPort > 0) {
            sb.append(" ssh ").append(sshPort);
        }
        if (jmxPort > 0) {
            sb.append(" jmx ").append(jmxPort);
        }
        if (httpPort > 0) {
            sb.append(" http ").append(httpPort);
        }
        return sb.toString();
    }
}
