package org.fcredirect.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.testkit.FakePolicy;
import org.fcredirect.flow.testkit.SettingsProxy;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.traffic.api.ReplayListener;
import org.fcredirect.traffic.api.ReplayResult;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    /** Records the generator calls; everything else is out of the demo's business. */
    static final class FakeTraffic implements TrafficService {
        TrafficSpec started;
        TrafficState state = TrafficState.IDLE;
        int stops;

        @Override
        public TrafficStatus startTraffic(TrafficSpec spec) {
            started = spec;
            state = TrafficState.RUNNING;
            return traffic();
        }

        @Override
        public TrafficStatus stopTraffic() {
            stops++;
            state = TrafficState.STOPPED;
            return traffic();
        }

        @Override
        public TrafficStatus traffic() {
            return new TrafficStatus(state, Optional.empty(), "", Optional.empty(), Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, Optional.empty());
        }

        @Override
        public TrafficStatus awaitTraffic(Duration timeout) {
            return traffic();
        }

        @Override
        public ReplayResult replay(Path input, Path output, boolean replaceOutput, int vsan, boolean paced,
                ReplayListener listener) {
            throw new UnsupportedOperationException("the demo does not replay");
        }
    }

    static DemoConfig config(boolean enabled, String traffic) {
        return config(enabled, traffic, DemoTraffic.DEFAULT_POLICIES);
    }

    static DemoConfig config(boolean enabled, String traffic, String policies) {
        return SettingsProxy.of(DemoConfig.class).with("enabled", enabled).with("traffic", traffic)
                .with("policies", policies).build();
    }

    private final FakeTraffic traffic = new FakeTraffic();
    private final FakePolicy engine = new FakePolicy();
    private final DemoTraffic demo = new DemoTraffic();

    DemoTrafficTest() {
        demo.traffic = traffic;
        demo.policies = engine;
    }

    private static final List<String> DEMO_POLICIES = List.of("demo-encrypt-payroll", "demo-encrypt-tier1",
            "demo-migrate-array", "demo-migrate-vsan102");

    @Test
    void createsTheGroupsPoliciesAndFlowsOfTheDemoAndStopsTheTrafficWithTheBundle() {
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(DEMO_POLICIES, List.copyOf(engine.policies.keySet()));
        TrafficSpec s = traffic.started;
        assertEquals(4, s.vsans());
        assertEquals(400, s.flows());
        assertEquals(List.of("encryption", "migration"), s.groups());
        assertEquals(TrafficSpec.Placement.POLICY, s.placement());
        assertTrue(s.framesPerSecond() >= 2000 && s.framesPerSecond() <= 5000, "a modest rate: " + s);
        demo.deactivate();
        assertEquals(1, traffic.stops);
    }

    @Test
    void aNodeOfAFabricRunsItsShareOfTheDemoAndABadShareCreatesNothing() {
        demo.activate(SettingsProxy.of(DemoConfig.class).with("share", "2/2").build());
        assertEquals(102, traffic.started.firstVsan());
        assertEquals(2, traffic.started.vsans());
        assertEquals(DEMO_POLICIES, List.copyOf(engine.policies.keySet()));

        DemoTraffic other = new DemoTraffic();
        FakeTraffic idle = new FakeTraffic();
        FakePolicy empty = new FakePolicy();
        other.traffic = idle;
        other.policies = empty;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.activate(SettingsProxy.of(DemoConfig.class).with("share", "3/2").build()));
        assertTrue(e.getMessage().contains("demo share '3/2'"), e.getMessage());
        assertNull(idle.started);
        assertTrue(empty.policies.isEmpty());
    }

    @Test
    void aRestartFindsItsPoliciesInTheLogAndCreatesNoneTwice() {
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        demo.deactivate();
        DemoTraffic again = new DemoTraffic();
        again.traffic = traffic;
        again.policies = engine;
        again.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(DEMO_POLICIES, List.copyOf(engine.policies.keySet()));
        assertEquals(4, engine.calls.size(), "four adds, nothing else: " + engine.calls);
        assertEquals(TrafficState.RUNNING, traffic.state);
    }

    @Test
    void aDemoPolicyAnOperatorChangedIsLeftAsItIs() {
        Policy changed = DemoPolicies.parse(DemoTraffic.DEFAULT_POLICIES).get(0).toBuilder().priority(7).build();
        engine.policies.put(changed.name(), changed);
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(changed, engine.policies.get(changed.name()));
        assertEquals(3, engine.calls.size(), engine.calls.toString());
    }

    @Test
    void aPolicyTheEngineRefusesIsSkippedAndTheRestOfTheDemoGoesOn() {
        engine.refused = Set.of("demo-encrypt-tier1");
        assertEquals(new DemoPolicies.Ensured(3, List.of("demo-encrypt-tier1")),
                DemoPolicies.ensure(engine, DemoPolicies.parse(DemoTraffic.DEFAULT_POLICIES)));
        engine.policies.clear();
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(3, engine.policies.size());
        assertEquals(TrafficState.RUNNING, traffic.state);
    }

    /** Two nodes of a fabric starting at once: the other's creation of a policy got into the history first. */
    @Test
    void aPolicyAnotherNodeCreatedMeanwhileCountsAsThereAndIsNotCreatedTwice() {
        demo.policies = (PolicyService) Proxy.newProxyInstance(PolicyService.class.getClassLoader(),
                new Class<?>[] {PolicyService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add")) {
                        Policy p = (Policy) args[0];
                        engine.policies.put(p.name(), p);
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<Policy> expected = DemoPolicies.parse(DemoTraffic.DEFAULT_POLICIES);
        assertEquals(new DemoPolicies.Ensured(0, List.of()), DemoPolicies.ensure(demo.policies, expected),
                "none created here, none refused for a fault");
        for (Policy p : expected) {
            assertEquals(p, engine.policies.get(p.name()));
        }
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(TrafficState.RUNNING, traffic.state);
    }

    @Test
    void disabledStartsNothing() {
        demo.activate(config(false, DemoTraffic.DEFAULT_TRAFFIC));
        demo.deactivate();
        assertNull(traffic.started);
        assertEquals(0, traffic.stops);
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void leavesAnOperatorsTrafficAlone() {
        traffic.state = TrafficState.RUNNING;
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        demo.deactivate();
        assertNull(traffic.started);
        assertEquals(0, traffic.stops);
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void aBadSettingFailsActivationNamingItBeforeAnythingIsCreated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> demo.activate(config(true, "vsans=two")));
        assertTrue(e.getMessage().contains("vsans"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC,
                "name=ok action=permit; name=bad action=redirect balancing=sideways group=g")));
        assertTrue(e.getMessage().contains("demo policy bad") && e.getMessage().contains("balancing"), e.getMessage());
        assertEquals(List.of(), engine.calls);
        assertNull(traffic.started);
    }

    @Test
    void policiesAreReadWithQuotedValuesAndAnyWhiteSpace() {
        List<Policy> p = DemoPolicies.parse(" name=a  action=permit description=\"x; y\" ;\n name=b action=drop ; ");
        assertEquals(2, p.size());
        assertEquals("x; y", p.get(0).description());
        assertEquals(FlowAction.DROP, p.get(1).action());
        assertEquals(List.of(), DemoPolicies.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> DemoPolicies.parse("name=a description=\"open"));
        assertThrows(IllegalArgumentException.class, () -> DemoPolicies.parse("name=a permit"));
        assertThrows(IllegalArgumentException.class, () -> DemoPolicies.parse("action=permit"));
    }

    /**
     * The default policies against the generator's port names (TrafficSpec: target t of VSAN v is
     * 50:06:VV:VV:00:00:TT:TT, host h 21:00:VV:VV:00:00:HH:HH, host h to targets h and h+1 mod 20
     * here): both groups get flows, every failover mode occurs, some flows stay direct.
     */
    @Test
    void theDefaultPoliciesSplitTheFlowsOverBothGroupsWithEveryFailoverModeAndLeaveSomeDirect() {
        TrafficSpec spec = TrafficSpec.parse(DemoTraffic.DEFAULT_TRAFFIC);
        List<Policy> policies = DemoPolicies.parse(DemoTraffic.DEFAULT_POLICIES).stream()
                .sorted(Comparator.comparingInt(Policy::priority)).toList();
        Map<String, Integer> byGroup = new TreeMap<>();
        Set<FailoverMode> modes = new HashSet<>();
        for (int v = spec.firstVsan(); v < spec.firstVsan() + spec.vsans(); v++) {
            for (int h = 0; h < spec.initiatorsPerVsan(); h++) {
                for (int j = 0; j < spec.flowsPerInitiator(); j++) {
                    int t = (h + j) % spec.targetsPerVsan();
                    FlowContext flow = FlowContext.of(VsanId.of(v), Wwn.of(0x2100_0000_0000_0000L | (long) v << 32 | h),
                            Wwn.of(0x5006_0000_0000_0000L | (long) v << 32 | t));
                    Optional<Policy> decided = policies.stream().filter(p -> p.match().matches(flow)).findFirst();
                    byGroup.merge(decided.flatMap(Policy::group).orElse("direct"), 1, Integer::sum);
                    decided.ifPresent(p -> modes.add(p.failover()));
                }
            }
        }
        assertEquals(Map.of("direct", 32, "encryption", 184, "migration", 184), byGroup);
        assertEquals(Set.of(FailoverMode.values()), modes);
        assertTrue(spec.groups().containsAll(policies.stream().flatMap(p -> p.group().stream()).toList()));
    }
}
