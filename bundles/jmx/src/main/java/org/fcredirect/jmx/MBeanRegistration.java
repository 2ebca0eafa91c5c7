package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One MBean in the server, and the listener service it may take its notifications from, from a
 * component's activate to its deactivate.
 */
final class MBeanRegistration implements AutoCloseable {
    static final String DOMAIN = "org.fcredirect";

    private final MBeanServer server;
    private final ObjectName name;
    private ServiceRegistration<?> listener;

    private MBeanRegistration(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    static ObjectName objectName(String type) {
        try {
            return new ObjectName(DOMAIN, "type", type);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("MBean type " + type, e);
        }
    }

    /** Registers {@code impl} as {@code org.fcredirect:type=<type>}, described and sending no notifications. */
    static <T> MBeanRegistration register(MBeanServer server, String type, Class<T> mbeanInterface, T impl)
            throws JMException {
        return register(server, type, mbeanInterface, impl, Notifier.none(type));
    }

    /** Registers {@code impl} as {@code org.fcredirect:type=<type>}, replacing a stale one left by a crashed bundle. */
    static <T> MBeanRegistration register(MBeanServer server, String type, Class<T> mbeanInterface, T impl,
            Notifier notifier) throws JMException {
        ObjectName name = objectName(type);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new DescribedMBean(impl, mbeanInterface, notifier), name);
        return new MBeanRegistration(server, name);
    }

    ObjectName name() {
        return name;
    }

    /**
     * Registers the MBean's listener service (whiteboard) by hand, not as the component's service:
     * SCR would take the listened-to service's reference to it as a circular reference.
     */
    <L> void listen(BundleContext context, Class<L> listenerType, L listenerService) {
        listener = context.registerService(listenerType, listenerService, null);
    }

    @Override
    public void close() throws JMException {
        if (listener != null) {
            listener.unregister();
        }
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }
}
