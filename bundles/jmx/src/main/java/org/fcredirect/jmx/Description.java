package org.fcredirect.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a console shows for an MBean interface, an attribute (on its getter) or an operation: the
 * JDK's own MBeanInfo says only "Attribute exposed for management". Figures name their unit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface Description {
    String value();
}
