package org.fcredirect.jmx;

import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Sends one MBean's notifications, with the MBean's name as their source and their types
 * advertised in its MBeanInfo so that a console offers to subscribe. Listeners are called on the
 * sending thread; the RMI connector only buffers for its remote clients.
 *
 * <p>Subscribing is a read: notifications say only what a viewer's attributes and commands show
 * (health, flow states, configuration history). No role check here could hold: the JDK's RMI
 * connector subscribes once, without the client's subject, for all its clients.
 */
final class Notifier extends NotificationBroadcasterSupport {
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    Notifier(String type, MBeanNotificationInfo... notifications) {
        super(notifications);
        this.source = MBeanRegistration.objectName(type);
    }

    /** For an MBean that sends no notifications. */
    static Notifier none(String type) {
        return new Notifier(type);
    }

    static MBeanNotificationInfo info(String description, String... types) {
        return new MBeanNotificationInfo(types, Notification.class.getName(), description);
    }

    void send(String type, String message, CompositeData userData) {
        Notification n = new Notification(type, source, sequence.incrementAndGet(), message);
        n.setUserData(userData);
        sendNotification(n);
    }
}
