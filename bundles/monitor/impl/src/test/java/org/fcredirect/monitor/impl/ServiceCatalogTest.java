package org.fcredirect.monitor.impl;

import static org.fcredirect.monitor.impl.Monitors.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.monitor.api.ServiceInfo;
import org.fcredirect.monitor.impl.Monitors.FakeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry view: fc-redirect services joined with the checks that speak for them. */
class ServiceCatalogTest {
    private static final String EVENT_LOG = "org.fcredirect.storage.api.EventLog";

    private final ManualScheduler time = new ManualScheduler();
    private final FakeServices registry = new FakeServices();
    private final MonitorManager monitor = Monitors.on(time, new DirectExecutorService(), Monitors.settings(true),
            registry);

    ServiceCatalogTest() {
        registry.services.add(new RegisteredService(10, List.of(EVENT_LOG), Map.of("component.name",
                "org.fcredirect.storage.impl.StorageManager", "service.pid", "org.fcredirect.storage",
                MonitorService.MBEAN_PROPERTY, "org.fcredirect:type=Storage"), 5, "org.fcredirect.storage-impl",
                "1.0.0.SNAPSHOT"));
        // a service that is its own health check is listed, as the flow manager is
        registry.services.add(new RegisteredService(11, List.of("org.fcredirect.flow.api.FlowService",
                HealthCheck.class.getName()), Map.of(), 6,
                "org.fcredirect.flow-impl", "1.0.0.SNAPSHOT"));
        registry.services.add(new RegisteredService(12, List.of(HealthCheck.class.getName()), Map.of(),
                Monitors.TEST_BUNDLE, "org.fcredirect.test", "1.0.0"));
        registry.services.add(new RegisteredService(13, List.of("org.fcredirect.test.Thing"), Map.of(),
                Monitors.TEST_BUNDLE, "org.fcredirect.test", "1.0.0"));
        registry.services.add(new RegisteredService(15, List.of("org.osgi.service.cm.ManagedService"), Map.of(), 5,
                "org.fcredirect.storage-impl", "1.0.0.SNAPSHOT"));
    }

    @AfterEach
    void stop() {
        monitor.deactivate();
    }

    private ServiceInfo service(long id) {
        return monitor.services().stream().filter(s -> s.serviceId() == id).findFirst().orElseThrow();
    }

    @Test
    void everyFcrServiceButTheChecksIsListedWithItsBundleEndpointAndChecks() {
        ScriptedCheck storage = new ScriptedCheck();
        monitor.addCheck(storage, check(12, "storage", HealthCheck.SERVICE, new String[] {EVENT_LOG}));
        monitor.addCheck(new ScriptedCheck(), check(14, "thing"));
        time.advanceMillis(0);

        assertEquals(List.of(11L, 10L, 13L), monitor.services().stream().map(ServiceInfo::serviceId).toList());
        ServiceInfo log = service(10);
        assertEquals("org.fcredirect.storage.impl.StorageManager", log.name());
        assertEquals("org.fcredirect.storage-impl", log.bundle());
        assertEquals(Optional.of("org.fcredirect.storage"), log.pid());
        assertEquals(Optional.of("org.fcredirect:type=Storage"), log.mbean());
        assertEquals(List.of("storage"), log.checks());
        assertEquals(HealthStatus.HEALTHY, log.status());
        assertEquals(Optional.of(time.clock.instant()), log.lastHeartbeat());

        ServiceInfo flow = service(11);
        assertEquals("org.fcredirect.flow.api.FlowService", flow.name());
        assertEquals(HealthStatus.UNKNOWN, flow.status());
        assertTrue(flow.checks().isEmpty());

        assertEquals(List.of("thing"), service(13).checks(), "a check without a service property covers its bundle");
    }

    @Test
    void aServiceIsUnhealthyWhileOneOfItsChecksIs() {
        ScriptedCheck storage = new ScriptedCheck();
        monitor.addCheck(storage, check(12, "storage", HealthCheck.SERVICE, EVENT_LOG, HealthCheck.THRESHOLD, 1));
        time.advanceMillis(0);
        storage.fail("closed");
        time.advanceMillis(1000);
        assertEquals(HealthStatus.UNHEALTHY, service(10).status());
        assertEquals(Optional.of(time.clock.instant().minusMillis(1000)), service(10).lastHeartbeat());
    }
}
