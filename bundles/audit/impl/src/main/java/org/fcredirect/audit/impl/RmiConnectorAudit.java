package org.fcredirect.audit.impl;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorServerMBean;
import javax.management.remote.MBeanServerForwarder;
import org.fcredirect.audit.api.AuditService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits JMX over RMI: puts an {@link AuditingForwarder} in front of every JMX connector server
 * registered as an MBean (Karaf's is connector:name=rmi), now and whenever Karaf creates one again.
 * Karaf's own EventAdmin topics javax/management/MBeanServer/* carry neither the user nor the
 * connector, and are posted asynchronously, so they cannot say who did it; the forwarder runs in
 * the caller's thread. A connector applies a forwarder to connections opened after it was added.
 */
@Component(service = {})
public class RmiConnectorAudit implements NotificationListener {
    static final ObjectName CONNECTORS = name("connector:*");
    private static final Logger LOG = LoggerFactory.getLogger(RmiConnectorAudit.class);

    @Reference
    MBeanServer server;

    @Reference
    AuditService audit;

    Clock clock = Clock.systemUTC();

    private final Map<ObjectName, MBeanServerForwarder> installed = new ConcurrentHashMap<>();

    @Activate
    void activate() throws InstanceNotFoundException {
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this, null, null);
        server.queryNames(CONNECTORS, null).forEach(this::install);
    }

    @Deactivate
    void deactivate() throws JMException {
        server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this);
        installed.values().forEach(AuditingForwarder::disable);
        installed.clear();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (notification instanceof MBeanServerNotification n && CONNECTORS.apply(n.getMBeanName())) {
            if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(n.getType())) {
                install(n.getMBeanName());
            } else if (MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(n.getType())) {
                installed.remove(n.getMBeanName());
            }
        }
    }

    private void install(ObjectName connector) {
        try {
            if (!server.isInstanceOf(connector, JMXConnectorServerMBean.class.getName())) {
                return;
            }
            MBeanServerForwarder forwarder = AuditingForwarder.create(audit, clock);
            // JMXConnectorServerMBean.setMBeanServerForwarder is, to the MBean server, a write-only attribute
            server.setAttribute(connector, new Attribute("MBeanServerForwarder", forwarder));
            installed.put(connector, forwarder);
            LOG.info("Audit: JMX calls through {} are recorded", connector);
        } catch (JMException | RuntimeException e) {
            LOG.warn("Audit: cannot record JMX calls through {}: {}", connector, e.toString());
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (JMException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
