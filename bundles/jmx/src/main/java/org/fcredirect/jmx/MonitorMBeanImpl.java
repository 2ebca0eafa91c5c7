package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class MonitorMBeanImpl implements MonitorMBean {

    @Reference
    MonitorService monitor;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Monitor", MonitorMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public int getTargetCount() {
        return monitor.health().size();
    }

    @Override
    public String[] getUnhealthyTargets() {
        return monitor.health().stream().filter(h -> h.status() == HealthStatus.UNHEALTHY)
                .map(h -> h.kind().toString().toLowerCase() + ":" + h.name()).toArray(String[]::new);
    }

    @Override
    public String[] getHealth() {
        return monitor.health().stream().map(h -> String.format("%s %s %s %d/%d %s", h.kind(), h.name(), h.status(),
                h.consecutiveFailures(), h.timing().threshold(), h.message())).toArray(String[]::new);
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
