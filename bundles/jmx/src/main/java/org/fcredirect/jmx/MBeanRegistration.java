package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** One MBean in the server, from a component's activate to its deactivate. */
final class MBeanRegistration implements AutoCloseable {
    static final String DOMAIN = "org.fcredirect";

    private final MBeanServer server;
    private final ObjectName name;

    private MBeanRegistration(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** Registers {@code impl} as {@code org.fcredirect:type=<type>}, replacing a stale one left by a crashed bundle. */
    static <T> MBeanRegistration register(MBeanServer server, String type, Class<T> mbeanInterface, T impl)
            throws JMException {
        ObjectName name = new ObjectName(DOMAIN, "type", type);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(impl, mbeanInterface), name);
        return new MBeanRegistration(server, name);
    }

    ObjectName name() {
        return name;
    }

    @Override
    public void close() throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }
}
