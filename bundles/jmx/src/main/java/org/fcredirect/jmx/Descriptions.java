package org.fcredirect.jmx;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;

/** Reads {@link Description} and {@link Param} off an MBean interface for the MBeanInfo a console sees. */
final class Descriptions {
    private final Class<?> mbeanInterface;

    Descriptions(Class<?> mbeanInterface) {
        this.mbeanInterface = mbeanInterface;
    }

    String ofInterface(String fallback) {
        Description d = mbeanInterface.getAnnotation(Description.class);
        return d == null ? fallback : d.value();
    }

    String of(MBeanAttributeInfo attribute) {
        return getter(attribute).map(m -> m.getAnnotation(Description.class)).map(Description::value)
                .orElse(attribute.getDescription());
    }

    String of(MBeanOperationInfo operation) {
        return method(operation).map(m -> m.getAnnotation(Description.class)).map(Description::value)
                .orElse(operation.getDescription());
    }

    String nameOf(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return param(operation, sequence).map(Param::name).orElse(parameter.getName());
    }

    String of(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return param(operation, sequence).map(Param::description).orElse(parameter.getDescription());
    }

    private Optional<Param> param(MBeanOperationInfo operation, int sequence) {
        return method(operation).map(m -> m.getParameters()[sequence].getAnnotation(Param.class));
    }

    private Optional<Method> getter(MBeanAttributeInfo attribute) {
        String prefix = attribute.isIs() ? "is" : "get";
        return Arrays.stream(mbeanInterface.getMethods())
                .filter(m -> m.getName().equals(prefix + attribute.getName()) && m.getParameterCount() == 0).findFirst();
    }

    private Optional<Method> method(MBeanOperationInfo operation) {
        String[] signature = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType).toArray(String[]::new);
        return Arrays.stream(mbeanInterface.getMethods()).filter(m -> m.getName().equals(operation.getName())
                && Arrays.equals(signature, Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray()))
                .findFirst();
    }
}
