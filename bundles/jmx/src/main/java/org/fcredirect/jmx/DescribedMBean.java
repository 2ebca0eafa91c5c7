package org.fcredirect.jmx;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardEmitterMBean;

/**
 * A standard MBean whose MBeanInfo carries the interface's {@link Description}s and {@link Param}
 * names, and the notification types of its {@link Notifier} (none for an MBean that sends none).
 */
final class DescribedMBean extends StandardEmitterMBean {

    <T> DescribedMBean(T implementation, Class<T> mbeanInterface, Notifier notifier) throws NotCompliantMBeanException {
        super(implementation, mbeanInterface, notifier);
    }

    private Descriptions descriptions() {
        return new Descriptions(getMBeanInterface());
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return descriptions().ofInterface(info.getDescription());
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return descriptions().of(info);
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return descriptions().of(info);
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return descriptions().nameOf(op, param, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return descriptions().of(op, param, sequence);
    }
}
