package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import org.fcredirect.monitor.api.FailoverHandler;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.TargetKind;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Also a failover handler: the monitor tells it of every failure and recovery, which it turns into notifications. */
@Component(service = {})
public class MonitorMBeanImpl implements MonitorMBean, FailoverHandler {
    static final String CHECK_UNHEALTHY = "fcr.monitor.health.unhealthy";
    static final String CHECK_HEALTHY = "fcr.monitor.health.healthy";
    static final String FAILOVER = "fcr.monitor.appliance.failover";
    static final String FAILBACK = "fcr.monitor.appliance.failback";

    private static final RowType HEALTH = new RowType("TargetHealth", "The health of one check or appliance",
            column("target", "kind:name, e.g. appliance:crypt-1", SimpleType.STRING),
            column("kind", "check or appliance", SimpleType.STRING),
            column("name", "The check's or the appliance's name", SimpleType.STRING),
            column("status", "unknown, healthy or unhealthy", SimpleType.STRING),
            column("failures", "Failed runs in a row, or heartbeats missed now (count)", SimpleType.INTEGER),
            column("threshold", "Failures that make it unhealthy (count)", SimpleType.INTEGER),
            column("message", "The last run's message, or why the appliance is (un)healthy", SimpleType.STRING),
            column("since", "When the status last changed (ISO-8601 UTC)", SimpleType.STRING));

    private static final RowType TRANSITION = new RowType("HealthTransition", "A target's health changed",
            column("target", "kind:name, e.g. appliance:crypt-1", SimpleType.STRING),
            column("kind", "check or appliance", SimpleType.STRING),
            column("name", "The check's or the appliance's name", SimpleType.STRING),
            column("from", "The status before: unknown, healthy or unhealthy", SimpleType.STRING),
            column("to", "The status now: healthy or unhealthy", SimpleType.STRING),
            column("reason", "Why: the failing run's message, the missed heartbeats, the first good run", SimpleType.STRING),
            column("at", "When it changed (ISO-8601 UTC)", SimpleType.STRING));

    @Reference
    MonitorService monitor;

    @Reference
    MBeanServer server;

    /** User data of every notification: a {@link #TRANSITION} row. */
    private final Notifier notifier = new Notifier("Monitor",
            Notifier.info("A health check failed its threshold or passed again", CHECK_UNHEALTHY, CHECK_HEALTHY),
            Notifier.info("An appliance became unhealthy (its flows fail over by their failover modes) or healthy again"
                    + " (they fail back)", FAILOVER, FAILBACK));

    private MBeanRegistration registration;

    @Activate
    void activate(BundleContext context) throws JMException {
        registerMBean();
        registration.listen(context, FailoverHandler.class, this);
    }

    void registerMBean() throws JMException {
        registration = MBeanRegistration.register(server, "Monitor", MonitorMBean.class, this, notifier);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public void healthChanged(HealthTransition t) {
        boolean appliance = t.kind() == TargetKind.APPLIANCE;
        String type = appliance ? (t.failed() ? FAILOVER : FAILBACK) : (t.failed() ? CHECK_UNHEALTHY : CHECK_HEALTHY);
        String what = appliance ? (t.failed() ? "failed over" : "failed back") : t.to().toString();
        notifier.send(type, target(t.kind(), t.target()) + " " + what + ": " + t.reason(), TRANSITION.row(target(t.kind(),
                t.target()), t.kind().toString(), t.target(), t.from().toString(), t.to().toString(), t.reason(), t.at().toString()));
    }

    private static String target(TargetKind kind, String name) {
        return kind + ":" + name;
    }

    @Override
    public int getTargetCount() {
        return monitor.health().size();
    }

    @Override
    public String[] getUnhealthyTargets() {
        return monitor.health().stream().filter(h -> h.status() == HealthStatus.UNHEALTHY)
                .map(h -> target(h.kind(), h.name())).toArray(String[]::new);
    }

    @Override
    public TabularData getHealth() {
        return HEALTH.table(monitor.health().stream().map(h -> HEALTH.row(target(h.kind(), h.name()), h.kind().toString(), h.name(),
                h.status().toString(), h.consecutiveFailures(), h.timing().threshold(), h.message(), h.since().toString())));
    }

    @Override
    public String[] getServices() {
        return monitor.services().stream().map(s -> String.format("%s %s %s pid=%s mbean=%s %s", s.name(), s.bundle(),
                s.bundleVersion(), s.pid().orElse("-"), s.mbean().orElse("-"), s.status())).toArray(String[]::new);
    }

    @Override
    public String simulateApplianceFailure(String name) {
        return Operations.call(() -> monitor.simulateFailure(name).status().toString());
    }

    @Override
    public String simulateApplianceRecovery(String name) {
        return Operations.call(() -> monitor.simulateRecovery(name).status().toString());
    }
}
