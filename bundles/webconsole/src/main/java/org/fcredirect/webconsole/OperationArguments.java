package org.fcredirect.webconsole;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.MBeanParameterInfo;

/**
 * The arguments of an operation as the console's form sends them (JSON strings, numbers, booleans),
 * converted to its parameter types. Only types an operator can type in a field are supported; an
 * operation with another type is listed but cannot be run from the console.
 */
final class OperationArguments {
    private static final Map<String, Function<Object, Object>> CONVERTERS = Map.ofEntries(
            Map.entry("java.lang.String", OperationArguments::text),
            Map.entry("int", v -> number(v, "an int").intValueExact()),
            Map.entry("java.lang.Integer", v -> number(v, "an int").intValueExact()),
            Map.entry("long", v -> number(v, "a long").longValueExact()),
            Map.entry("java.lang.Long", v -> number(v, "a long").longValueExact()),
            Map.entry("short", v -> number(v, "a short").shortValueExact()),
            Map.entry("java.lang.Short", v -> number(v, "a short").shortValueExact()),
            Map.entry("byte", v -> number(v, "a byte").byteValueExact()),
            Map.entry("java.lang.Byte", v -> number(v, "a byte").byteValueExact()),
            Map.entry("double", v -> finite(number(v, "a number").doubleValue())),
            Map.entry("java.lang.Double", v -> finite(number(v, "a number").doubleValue())),
            Map.entry("float", v -> (float) finite(number(v, "a number").floatValue())),
            Map.entry("java.lang.Float", v -> (float) finite(number(v, "a number").floatValue())),
            Map.entry("boolean", OperationArguments::bool),
            Map.entry("java.lang.Boolean", OperationArguments::bool));

    private OperationArguments() {
    }

    static boolean supported(MBeanParameterInfo[] signature) {
        for (MBeanParameterInfo p : signature) {
            if (!CONVERTERS.containsKey(p.getType())) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws IllegalArgumentException naming the parameter, when a value is missing, extra, or not of its type
     */
    static Object[] convert(MBeanParameterInfo[] signature, List<?> values) {
        if (values.size() != signature.length) {
            throw new IllegalArgumentException("expected " + signature.length + " arguments, got " + values.size());
        }
        Object[] args = new Object[signature.length];
        for (int i = 0; i < signature.length; i++) {
            MBeanParameterInfo p = signature[i];
            Function<Object, Object> converter = CONVERTERS.get(p.getType());
            if (converter == null) {
                throw new IllegalArgumentException(p.getName() + ": type " + p.getType() + " cannot be entered in the console");
            }
            if (values.get(i) == null) {
                throw new IllegalArgumentException(p.getName() + ": a value is required");
            }
            try {
                args[i] = converter.apply(values.get(i));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(p.getName() + ": out of range for " + p.getType() + ": " + values.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.getName() + ": " + e.getMessage());
            }
        }
        return args;
    }

    private static String text(Object v) {
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("a string expected, got " + v);
        }
        return s;
    }

    private static BigDecimal number(Object v, String what) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " expected, got '" + s + "'");
            }
        }
        throw new IllegalArgumentException(what + " expected, got " + v);
    }

    private static double finite(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a finite number expected");
        }
        return d;
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        throw new IllegalArgumentException("true or false expected, got " + v);
    }
}
