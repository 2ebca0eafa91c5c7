package org.fcredirect.webconsole;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.security.auth.Subject;

/**
 * The {@code org.fcredirect} MBeans as a logged-in user may see and use them. Every attribute read
 * and every operation is first put to Karaf's JMX security MBean ({@code canInvoke}, the check of
 * the RMI connector's guard, over etc/jmx.acl.*.cfg) as that user, and runs as that user; no answer
 * from it is a refusal. The console reaches no other domain.
 */
final class MBeanAccess {
    static final String DOMAIN = "org.fcredirect";

    /** The operation or attribute exists, but the user's roles may not use it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** No such MBean, operation or attribute in the console's domain. */
    static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    /** The operation ran and threw: its message is for the operator. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final MBeanServer server;
    private final ObjectName security;

    MBeanAccess(MBeanServer server, ObjectName security) {
        this.server = server;
        this.security = security;
    }

    /** Every MBean of the domain: name, description, attributes, operations and whether this user may run each. */
    List<Map<String, Object>> describeAll(Subject user) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (ObjectName name : new TreeSet<>(server.queryNames(pattern(), null))) {
            try {
                all.add(describe(name, server.getMBeanInfo(name), user));
            } catch (InstanceNotFoundException e) {
                // unregistered between query and read: not there any more
            } catch (JMException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    private Map<String, Object> describe(ObjectName name, MBeanInfo info, Subject user) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (MBeanAttributeInfo a : info.getAttributes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.getName());
            m.put("type", a.getType());
            m.put("description", a.getDescription());
            m.put("readable", a.isReadable() && mayRead(user, name, a));
            attributes.add(m);
        }
        List<Map<String, Object>> operations = new ArrayList<>();
        for (MBeanOperationInfo o : info.getOperations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.getName());
            m.put("description", o.getDescription());
            m.put("returnType", o.getReturnType());
            m.put("impact", impact(o.getImpact()));
            m.put("signature", Arrays.stream(o.getSignature()).map(p -> Map.of(
                    "name", p.getName(), "type", p.getType(), "description", String.valueOf(p.getDescription()))).toList());
            m.put("supported", OperationArguments.supported(o.getSignature()));
            m.put("allowed", canInvoke(user, name, o.getName(), types(o.getSignature())));
            operations.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name.getCanonicalName());
        m.put("description", info.getDescription());
        m.put("attributes", attributes);
        m.put("operations", operations);
        return m;
    }

    /**
     * The readable attributes' values that this user may read; an attribute whose getter throws is
     * given under "errors" with its message, one the ACL closes under "refused".
     */
    Map<String, Object> read(String mbean, Subject user) throws NotFound {
        ObjectName name = name(mbean);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (MBeanAttributeInfo a : info(name).getAttributes()) {
            if (!a.isReadable()) {
                continue;
            }
            if (!mayRead(user, name, a)) {
                refused.add(a.getName());
                continue;
            }
            try {
                values.put(a.getName(), OpenValues.plain(as(user, () -> server.getAttribute(name, a.getName()))));
            } catch (Exception e) {
                errors.put(a.getName(), message(e));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name.getCanonicalName());
        m.put("values", values);
        m.put("errors", errors);
        m.put("refused", refused);
        return m;
    }

    /**
     * Runs one operation as this user.
     *
     * @param signature the parameter types, naming one overload
     * @param arguments the values as the form sent them
     * @return the result as plain values
     * @throws IllegalArgumentException when the arguments do not fit the signature
     */
    Object invoke(String mbean, String operation, List<String> signature, List<?> arguments, Subject user)
            throws NotFound, Refused, Failed {
        ObjectName name = name(mbean);
        MBeanOperationInfo op = Arrays.stream(info(name).getOperations())
                .filter(o -> o.getName().equals(operation) && Arrays.asList(types(o.getSignature())).equals(signature))
                .findFirst()
                .orElseThrow(() -> new NotFound(name + " has no operation " + operation + signature));
        Object[] args = OperationArguments.convert(op.getSignature(), arguments);
        String[] types = types(op.getSignature());
        if (!canInvoke(user, name, operation, types)) {
            throw new Refused("your roles may not run " + operation + " on " + name);
        }
        try {
            return OpenValues.plain(as(user, () -> server.invoke(name, operation, args, types)));
        } catch (MBeanException | RuntimeMBeanException e) {
            throw new Failed(message(e));
        } catch (SecurityException e) {
            throw new Refused("your roles may not run " + operation + " on " + name);
        } catch (Exception e) {
            throw new Failed(message(e));
        }
    }

    private boolean mayRead(Subject user, ObjectName name, MBeanAttributeInfo a) {
        return canInvoke(user, name, (a.isIs() ? "is" : "get") + a.getName(), new String[0]);
    }

    private boolean canInvoke(Subject user, ObjectName name, String method, String[] types) {
        try {
            return Boolean.TRUE.equals(as(user, () -> server.invoke(security, "canInvoke",
                    new Object[] {name.getCanonicalName(), method, types},
                    new String[] {String.class.getName(), String.class.getName(), String[].class.getName()})));
        } catch (Exception e) {
            // no answer from Karaf's ACLs is no permission
            return false;
        }
    }

    private MBeanInfo info(ObjectName name) throws NotFound {
        try {
            return server.getMBeanInfo(name);
        } catch (InstanceNotFoundException e) {
            throw new NotFound("no MBean " + name);
        } catch (JMException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** A registered-or-not name in the console's domain; anything else is not found. */
    private static ObjectName name(String text) throws NotFound {
        try {
            ObjectName name = new ObjectName(text);
            if (name.isPattern() || !DOMAIN.equals(name.getDomain())) {
                throw new NotFound("the console shows only MBeans of the " + DOMAIN + " domain, not " + text);
            }
            return name;
        } catch (MalformedObjectNameException e) {
            throw new NotFound("not an MBean name: " + text);
        }
    }

    private static ObjectName pattern() {
        try {
            return new ObjectName(DOMAIN + ":*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] types(MBeanParameterInfo[] signature) {
        return Arrays.stream(signature).map(MBeanParameterInfo::getType).toArray(String[]::new);
    }

    private static String impact(int impact) {
        return switch (impact) {
            case MBeanOperationInfo.INFO -> "info";
            case MBeanOperationInfo.ACTION -> "action";
            case MBeanOperationInfo.ACTION_INFO -> "action_info";
            default -> "unknown";
        };
    }

    /** The innermost message, as an operator reads it. */
    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    @SuppressWarnings("removal") // Subject.doAs: what Karaf's ACL checks read the user from on Java 17
    private static Object as(Subject user, PrivilegedExceptionAction<Object> action) throws Exception {
        try {
            return Subject.doAs(user, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
