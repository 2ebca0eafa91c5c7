package org.fcredirect.monitor.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.monitor.api.CheckTiming;
import org.fcredirect.monitor.api.FailoverHandler;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.monitor.api.TargetHealth;
import org.fcredirect.monitor.api.TargetKind;
import org.fcredirect.storage.api.EventLog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor: runs every {@link HealthCheck} service, watches appliance heartbeats and drives
 * the appliance inventory's failover, tells {@link FailoverHandler} services, and records every
 * transition on the {@code monitor} stream. Its references are all optional: it keeps working,
 * and reports, while storage or the flow manager are gone.
 */
@Component(service = MonitorService.class, configurationPid = MonitorManager.PID, immediate = true,
        property = MonitorService.MBEAN_PROPERTY + "=org.fcredirect:type=Monitor")
@Designate(ocd = MonitorConfig.class)
public class MonitorManager implements MonitorService {
    static final String PID = "org.fcredirect.monitor";
    private static final Logger LOG = LoggerFactory.getLogger(MonitorManager.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplianceInventory inventory;

    private final MonitorThreads threads;
    private final ServiceSource registry;
    private final MonitorEvents events = new MonitorEvents(() -> log);
    private final FailoverHandlers handlers;
    private final ApplianceDriver driver;
    private final ApplianceMonitor appliances;
    private final Map<Long, CheckRunner> checks = new ConcurrentHashMap<>();
    private volatile MonitorSettings settings;
    private Scheduler.Cancellable applianceTick = () -> { };
    private boolean stopped;

    @Activate
    public MonitorManager(BundleContext context, MonitorConfig config) {
        this(settingsOf(config), new BundleServiceSource(context));
    }

    private MonitorManager(MonitorSettings settings, ServiceSource registry) {
        this(MonitorThreads.start(settings.checkWorkers()), registry, settings);
    }

    /** For tests: any threads, clock and registry. */
    MonitorManager(MonitorThreads threads, ServiceSource registry, MonitorSettings settings) {
        this.threads = threads;
        this.registry = registry;
        this.settings = settings;
        this.handlers = new FailoverHandlers(threads.handlers());
        this.driver = new ApplianceDriver(() -> inventory, threads.failover());
        this.appliances = new ApplianceMonitor(threads.clock(), () -> inventory, events, this::transition,
                driver::pending, settings);
        scheduleApplianceTick();
        LOG.info("Monitor started: {}", settings);
    }

    private static MonitorSettings settingsOf(MonitorConfig config) {
        try {
            return MonitorSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Monitor not started: configuration {} rejected: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Modified
    void modified(MonitorConfig config) {
        MonitorSettings next;
        try {
            next = MonitorSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Monitor configuration change rejected, keeping {}: {}", settings, e.getMessage());
            return;
        }
        settings(next);
    }

    void settings(MonitorSettings next) {
        settings = next;
        threads.checkWorkers(next.checkWorkers());
        appliances.settings(next);
        checks.values().forEach(r -> r.retime(r.spec().timing(next.checkDefaults())));
        LOG.info("Monitor settings changed: {}", next);
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            stopped = true;
            applianceTick.cancel();
        }
        checks.values().forEach(CheckRunner::stop);
        checks.clear();
        threads.close();
    }

    // ---------------------------------------------------------------- whiteboard

    @Reference(service = HealthCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCheck",
            updated = "updateCheck")
    void addCheck(HealthCheck check, Map<String, Object> properties) {
        CheckSpec spec;
        CheckRunner runner;
        CheckTiming timing;
        Optional<String> provider;
        synchronized (this) {
            if (stopped) {
                return;
            }
            spec = uniquelyNamed(CheckSpec.from(properties));
            provider = registry.bundleName(spec.bundleId());
            timing = spec.timing(settings.checkDefaults());
            runner = new CheckRunner(check, spec, provider, timing, threads, this::transition);
            checks.put(spec.serviceId(), runner);
        }
        runner.start();
        LOG.info("Health check {} from {}: every {} ms, timeout {} ms, unhealthy after {} failures{}", spec.name(),
                provider.orElse("bundle " + spec.bundleId()), timing.interval().toMillis(),
                timing.timeout().toMillis(), timing.threshold(),
                spec.problems().isEmpty() ? "" : "; ignored " + String.join(", ", spec.problems()));
    }

    /** A check whose monitor properties changed starts over; one whose other properties changed runs on. */
    void updateCheck(HealthCheck check, Map<String, Object> properties) {
        CheckSpec next = CheckSpec.from(properties);
        CheckRunner current = checks.get(next.serviceId());
        if (current != null && current.spec().sameCheck(next)) {
            return;
        }
        removeCheck(check, properties);
        addCheck(check, properties);
    }

    void removeCheck(HealthCheck check, Map<String, Object> properties) {
        CheckRunner runner = checks.remove(((Number) properties.get(Constants.SERVICE_ID)).longValue());
        if (runner != null) {
            runner.stop();
            LOG.info("Health check {} withdrawn", runner.name());
        }
    }

    /** Two checks of one name would be indistinguishable: the later one gets its service id appended. */
    private CheckSpec uniquelyNamed(CheckSpec spec) {
        boolean taken = checks.values().stream().anyMatch(r -> r.name().equals(spec.name()));
        if (!taken) {
            return spec;
        }
        String renamed = spec.name() + "#" + spec.serviceId();
        LOG.warn("Health check name {} is taken; service {} is shown as {}", spec.name(), spec.serviceId(), renamed);
        return spec.renamed(renamed);
    }

    @Reference(service = FailoverHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeFailoverHandler")
    void addFailoverHandler(FailoverHandler handler) {
        handlers.add(handler);
    }

    void removeFailoverHandler(FailoverHandler handler) {
        handlers.remove(handler);
    }

    // ---------------------------------------------------------------- transitions

    /** Called under the target's lock: logs, records and hands on, without waiting for anything. */
    private void transition(HealthTransition t) {
        logTransition(t);
        events.transition(t);
        if (t.kind() == TargetKind.APPLIANCE) {
            driver.drive(t);
        }
        handlers.fire(t);
    }

    private static void logTransition(HealthTransition t) {
        String what = t.kind() == TargetKind.APPLIANCE ? "Appliance" : "Health check";
        if (t.failed()) {
            LOG.warn("{} {} unhealthy{}: {}", what, t.target(),
                    t.kind() == TargetKind.APPLIANCE ? ", failing its flows over" : "", t.reason());
        } else if (t.recovered()) {
            LOG.info("{} {} healthy again{}: {}", what, t.target(),
                    t.kind() == TargetKind.APPLIANCE ? ", bringing its flows back" : "", t.reason());
        } else {
            LOG.debug("{} {} {} -> {}: {}", what, t.target(), t.from(), t.to(), t.reason());
        }
    }

    private synchronized void scheduleApplianceTick() {
        if (stopped) {
            return;
        }
        applianceTick = threads.scheduler().after(settings.applianceTick(), () -> {
            scheduleApplianceTick();
            driver.retryPending();
            appliances.tick();
        });
    }

    // ---------------------------------------------------------------- MonitorService

    @Override
    public List<ServiceInfo> services() {
        List<ServiceCatalog.Coverage> coverage = checks.values().stream()
                .map(r -> new ServiceCatalog.Coverage(r.spec(), r.view())).toList();
        return ServiceCatalog.build(registry.fcrServices(), coverage);
    }

    @Override
    public List<TargetHealth> health() {
        List<TargetHealth> all = new ArrayList<>(checks.values().stream().map(CheckRunner::view)
                .sorted(Comparator.comparing(TargetHealth::name)).toList());
        all.addAll(appliances.views());
        return all;
    }

    @Override
    public Optional<TargetHealth> check(String name) {
        return checks.values().stream().filter(r -> r.name().equals(name)).findFirst().map(CheckRunner::view);
    }

    @Override
    public Optional<TargetHealth> appliance(String name) {
        return appliances.view(name);
    }

    @Override
    public void heartbeat(String appliance) {
        appliances.heartbeat(appliance);
    }

    @Override
    public TargetHealth simulateFailure(String appliance) {
        return appliances.simulateFailure(appliance);
    }

    @Override
    public TargetHealth simulateRecovery(String appliance) {
        return appliances.simulateRecovery(appliance);
    }
}
