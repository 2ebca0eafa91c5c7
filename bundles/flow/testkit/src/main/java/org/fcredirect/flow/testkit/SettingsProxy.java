package org.fcredirect.flow.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds an instance of a component's {@code @ObjectClassDefinition} annotation type as SCR
 * would from a configuration: the values set here, the annotation's defaults for the rest. A value
 * that is a {@link RuntimeException} is thrown when read, as a bad configuration's would be.
 */
public final class SettingsProxy<A extends Annotation> {
    private final Class<A> type;
    private final Map<String, Object> values = new HashMap<>();

    private SettingsProxy(Class<A> type) {
        this.type = type;
    }

    public static <A extends Annotation> SettingsProxy<A> of(Class<A> type) {
        return new SettingsProxy<>(type);
    }

    /** The defaults of {@code type}, with {@code values} over them. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        SettingsProxy<A> p = of(type);
        p.values.putAll(values);
        return p.build();
    }

    public SettingsProxy<A> with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public A build() {
        Map<String, Object> v = Map.copyOf(values);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + v;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    Object value = v.get(method.getName());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value != null ? value : method.getDefaultValue();
            }
        }));
    }
}
