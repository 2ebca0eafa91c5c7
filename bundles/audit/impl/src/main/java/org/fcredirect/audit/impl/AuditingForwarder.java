package org.fcredirect.audit.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;

/**
 * Sits in front of the RMI connector's MBean server (before Karaf's role checks) and records each
 * call that changes state: invoke, setAttribute(s), createMBean, registerMBean, unregisterMBean.
 * It runs in the caller's thread under the caller's subject; reads pass straight through.
 * Once {@link #disable() disabled} (its component deactivated) it only forwards: a connector
 * cannot drop a forwarder from its chain.
 */
final class AuditingForwarder implements InvocationHandler {
    private static final Set<String> STATE_CHANGING = Set.of("invoke", "setAttribute", "setAttributes",
            "createMBean", "registerMBean", "unregisterMBean");

    private final AuditService audit;
    private final Clock clock;
    private volatile MBeanServer next;
    private volatile boolean enabled = true;

    private AuditingForwarder(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    static MBeanServerForwarder create(AuditService audit, Clock clock) {
        return (MBeanServerForwarder) Proxy.newProxyInstance(AuditingForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new AuditingForwarder(audit, clock));
    }

    static void disable(MBeanServerForwarder forwarder) {
        ((AuditingForwarder) Proxy.getInvocationHandler(forwarder)).enabled = false;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getMBeanServer":
                return next;
            case "setMBeanServer":
                next = (MBeanServer) args[0];
                return null;
            default:
                break;
        }
        if (!enabled || !STATE_CHANGING.contains(method.getName())) {
            return call(method, args);
        }
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            Object result = call(method, args);
            outcome = AuditOutcome.OK;
            return result;
        } catch (SecurityException e) {
            outcome = AuditOutcome.DENIED;
            throw e;
        } finally {
            record(method.getName(), args, outcome);
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(next, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void record(String method, Object[] args, AuditOutcome outcome) {
        JmxAction action = JmxAction.of(method, args);
        Caller caller = Caller.currentSubject().flatMap(Caller::of).orElse(new Caller("unknown", Optional.empty()));
        audit.record(new AuditEntry(clock.instant(), caller.user(), AuditOrigin.RMI, action.name(),
                SecretMask.operation(action.member(), action.arguments()), outcome));
    }

    /** An MBean server call as the audit shows it: "invoke ObjectName operation" and its arguments as text. */
    record JmxAction(String name, String member, List<String> arguments) {

        static JmxAction of(String method, Object[] args) {
            Object target = args != null && args.length > 0 ? args[0] : null;
            switch (method) {
                case "invoke":
                    return new JmxAction(method + " " + target + " " + args[1], String.valueOf(args[1]), texts((Object[]) args[2]));
                case "setAttribute": {
                    Attribute a = (Attribute) args[1];
                    return new JmxAction(method + " " + target + " " + a.getName(), a.getName(), texts(a.getValue()));
                }
                case "setAttributes": {
                    List<String> values = new ArrayList<>();
                    for (Attribute a : ((AttributeList) args[1]).asList()) {
                        values.add(a.getName() + "=" + a.getValue());
                    }
                    return new JmxAction(method + " " + target, "", values);
                }
                default: {
                    String subject = target instanceof ObjectName || target instanceof String ? String.valueOf(target)
                            : String.valueOf(args != null && args.length > 1 ? args[1] : null);
                    return new JmxAction(method + " " + subject, "", List.of());
                }
            }
        }

        private static List<String> texts(Object... values) {
            return values == null ? List.of() : Arrays.stream(values).map(v -> v instanceof Object[] o ? Arrays.toString(o) : String.valueOf(v)).toList();
        }
    }
}
