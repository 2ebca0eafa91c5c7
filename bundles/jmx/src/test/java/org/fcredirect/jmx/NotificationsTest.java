package org.fcredirect.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;
import org.fcredirect.config.api.VersionOrigin;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.monitor.api.HealthStatus;
import org.fcredirect.monitor.api.HealthTransition;
import org.fcredirect.monitor.api.TargetKind;
import org.junit.jupiter.api.Test;

/** The notifications of the Monitor, Config and FlowManager MBeans, as a subscribed console receives them. */
class NotificationsTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<Notification> received = new ArrayList<>();

    private void subscribe(String type) throws Exception {
        server.addNotificationListener(new ObjectName("org.fcredirect:type=" + type), (n, handback) -> received.add(n), null, null);
    }

    private Set<String> advertised(String type) throws Exception {
        return Arrays.stream(server.getMBeanInfo(new ObjectName("org.fcredirect:type=" + type)).getNotifications())
                .flatMap(n -> Arrays.stream(n.getNotifTypes())).collect(Collectors.toSet());
    }

    @Test
    void theMonitorNotifiesFailoverFailbackAndCheckTransitions() throws Exception {
        MonitorMBeanImpl monitor = new MonitorMBeanImpl();
        monitor.server = server;
        monitor.registerMBean();
        subscribe("Monitor");
        assertEquals(Set.of("fcr.monitor.appliance.failover", "fcr.monitor.appliance.failback", "fcr.monitor.health.unhealthy",
                "fcr.monitor.health.healthy"), advertised("Monitor"));

        monitor.healthChanged(new HealthTransition(TargetKind.APPLIANCE, "crypt-1", HealthStatus.HEALTHY,
                HealthStatus.UNHEALTHY, "3 heartbeats missed", AT));
        monitor.healthChanged(new HealthTransition(TargetKind.APPLIANCE, "crypt-1", HealthStatus.UNHEALTHY,
                HealthStatus.HEALTHY, "heartbeat", AT.plusSeconds(5)));
        monitor.healthChanged(new HealthTransition(TargetKind.CHECK, "storage", HealthStatus.UNKNOWN,
                HealthStatus.UNHEALTHY, "log faulted", AT));

        assertEquals(List.of("fcr.monitor.appliance.failover", "fcr.monitor.appliance.failback", "fcr.monitor.health.unhealthy"),
                received.stream().map(Notification::getType).toList());
        Notification failover = received.get(0);
        assertEquals("appliance:crypt-1 failed over: 3 heartbeats missed", failover.getMessage());
        assertEquals(new ObjectName("org.fcredirect:type=Monitor"), failover.getSource());
        CompositeData data = (CompositeData) failover.getUserData();
        assertEquals("crypt-1", data.get("name"));
        assertEquals("appliance", data.get("kind"));
        assertEquals("healthy", data.get("from"));
        assertEquals("unhealthy", data.get("to"));
        assertEquals("2026-01-01T10:00:00Z", data.get("at"));
        assertTrue(received.get(1).getSequenceNumber() > failover.getSequenceNumber());
        monitor.deactivate();
    }

    @Test
    void theConfigMBeanNotifiesCommitsRollbacksAndImports() throws Exception {
        ConfigMBeanImpl config = new ConfigMBeanImpl();
        config.server = server;
        config.registerMBean();
        subscribe("Config");
        assertEquals(Set.of("fcr.config.commit", "fcr.config.rollback", "fcr.config.import"), advertised("Config"));

        config.committed(new ConfigVersion(4, AT, "alice", "more workers", VersionOrigin.SESSION,
                List.of(new ValueChange("org.fcredirect.fastpath", "workers", Optional.empty(), Optional.of("4"))), true));
        config.committed(new ConfigVersion(5, AT, "bob", "rollback to version 3", VersionOrigin.ROLLBACK, List.of(), true));
        config.committed(new ConfigVersion(6, AT, "carol", "import", VersionOrigin.IMPORT, List.of(), true));

        assertEquals(List.of("fcr.config.commit", "fcr.config.rollback", "fcr.config.import"),
                received.stream().map(Notification::getType).toList());
        assertEquals("configuration version 4 (session) by alice: org.fcredirect.fastpath workers: (default) -> 4",
                received.get(0).getMessage());
        CompositeData data = (CompositeData) received.get(0).getUserData();
        assertEquals(4L, data.get("version"));
        assertEquals("alice", data.get("owner"));
        assertArrayEquals(new String[] {"org.fcredirect.fastpath workers: (default) -> 4"}, (String[]) data.get("changes"));
        config.deactivate();
    }

    @Test
    void theFlowManagerNotifiesAFlowThatTookAnotherWayAndNothingElse() throws Exception {
        FlowManagerMBeanImpl flows = new FlowManagerMBeanImpl();
        flows.server = server;
        flows.flows = (FlowService) Proxy.newProxyInstance(FlowService.class.getClassLoader(), new Class<?>[] {FlowService.class},
                (proxy, method, args) -> null);
        flows.activate();
        subscribe("FlowManager");
        assertEquals(Set.of("fcr.flow.moved"), advertised("FlowManager"));

        Flow active = flow(FlowState.ACTIVE, Optional.of("crypt-1"));
        Flow standby = flow(FlowState.ACTIVE, Optional.of("crypt-2"));
        Flow bypassed = flow(FlowState.BYPASSED, Optional.empty());
        flows.onFlowEvent(new FlowEvent(FlowEvent.Type.CREATED, active, Optional.empty()));
        flows.onFlowEvent(new FlowEvent(FlowEvent.Type.UPDATED, active, Optional.of(FlowState.ACTIVE)));
        flows.onFlowEvent(new FlowEvent(FlowEvent.Type.UPDATED, standby, Optional.of(FlowState.ACTIVE), Optional.of("crypt-1")));
        flows.onFlowEvent(new FlowEvent(FlowEvent.Type.UPDATED, bypassed, Optional.of(FlowState.ACTIVE), Optional.of("crypt-2")));
        flows.onFlowEvent(new FlowEvent(FlowEvent.Type.DELETED, bypassed, Optional.of(FlowState.BYPASSED)));

        assertEquals(List.of("flow 7 active via crypt-1 -> active via crypt-2", "flow 7 active via crypt-2 -> bypassed"),
                received.stream().map(Notification::getMessage).toList());
        assertTrue(received.stream().allMatch(n -> n.getType().equals("fcr.flow.moved")));
        CompositeData data = (CompositeData) received.get(0).getUserData();
        assertEquals(7L, data.get("flowId"));
        assertEquals("active", data.get("from"));
        assertEquals("active", data.get("to"));
        assertEquals("crypt-1", data.get("fromAppliance"));
        assertEquals("crypt-2", data.get("appliance"));
        assertEquals("crypt-1", data.get("homeAppliance"));
        assertEquals("standby", data.get("failover"));
        CompositeData bypass = (CompositeData) received.get(1).getUserData();
        assertEquals("bypassed", bypass.get("to"));
        assertEquals("-", bypass.get("appliance"));
        flows.deactivate();
    }

    private static Flow flow(FlowState state, Optional<String> appliance) {
        FlowSpec spec = FlowSpec.parse("vsan=10 initiator=21:00:00:24:ff:00:00:01 target=50:06:01:60:00:00:00:01 appliance=crypt-1");
        return new Flow(FlowId.of(7), spec, state, FlowAction.REDIRECT, Optional.empty(), Optional.of("crypt"),
                Optional.of("crypt-1"), appliance, FailoverMode.STANDBY, Optional.empty(), Optional.empty(), AT, AT);
    }
}
