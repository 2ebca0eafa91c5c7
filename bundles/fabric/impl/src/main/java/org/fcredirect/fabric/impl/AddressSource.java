package org.fcredirect.fabric.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Dictionary;

import org.fcredirect.fabric.api.NodeAddress;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Where an operator reaches this node: its host, and the SSH, JMX (RMI registry) and HTTP ports
 * Karaf's own settings give, read at each heartbeat so a changed port shows at once.
 */
final class AddressSource {
    private AddressSource() {
    }

    static NodeAddress of(ConfigurationAdmin admin, String advertisedHost) {
        Dictionary<String, Object> ssh = properties(admin, "org.apache.karaf.shell");
        Dictionary<String, Object> jmx = properties(admin, "org.apache.karaf.management");
        Dictionary<String, Object> http = properties(admin, "org.ops4j.pax.web");
        String host = advertisedHost;
        if (host.isEmpty()) {
            host = text(ssh, "sshHost");
        }
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            host = machineName();
        }
        return new NodeAddress(host, port(ssh, "sshPort"), port(jmx, "rmiRegistryPort"),
                port(http, "org.osgi.service.http.port"));
    }

    private static Dictionary<String, Object> properties(ConfigurationAdmin admin, String pid) {
        if (admin == null) {
            return null;
        }
        try {
            Configuration[] c = admin.listConfigurations("(service.pid=" + pid + ")");
            return c == null || c.length == 0 ? null : c[0].getProperties();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            return null;
        }
    }

    private static String text(Dictionary<String, Object> d, String key) {
        Object v = d == null ? null : d.get(key);
        return v == null ? "" : v.toString().strip();
    }

    /** A port that is missing or not a port is unknown (0): an address is a hint, never a reason to fail. */
    private static int port(Dictionary<String, Object> d, String key) {
        try {
            int p = Integer.parseInt(text(d, key));
            return p > 0 && p <= 65_535 ? p : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
