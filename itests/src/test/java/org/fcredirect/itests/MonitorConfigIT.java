package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.RuleAction;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The monitor and config services in the assembly: every fcr service in the registry view, health
 * checks, an appliance outage driving each failover mode and its recovery (by hand and under
 * generator traffic), the fast path outliving the statistics service, and staged configuration
 * changes committed, refused and aborted.
 */
public class MonitorConfigIT extends FcrTestSupport {
    static final String HOST_A = "20:00:00:25:b5:1e:00:01";
    static final String HOST_B = "20:00:00:25:b5:1e:00:02";
    static final String HOST_C = "20:00:00:25:b5:1e:00:03";
    static final String ARRAY = "50:06:01:60:3b:1e:00:01";
    /**
     * Twelve hosts with a flow each in VSAN 300, host h through trafgen-(h mod 4); trafgen-0 and
     * trafgen-2 form group trafgen-a. trafgen-0 carries hosts 0, 4 and 8, whose flows fail over by
     * standby, bypass and block (flow index mod 3).
     */
    static final String FAILOVER_TRAFFIC = "vsans=1 firstVsan=300 initiatorsPerVsan=12 targetsPerVsan=12"
            + " flowsPerInitiator=1 appliances=4 groups=2 failover=mixed queueDepth=2 ioSizes=4096/16384"
            + " framesPerSecond=5000 cleanup=true seed=5";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Test
    public void servicesAndHealthChecksAreListed() throws Exception {
        String services = execute("fcr:services");
        assertTrue(services, services.contains("org.fcredirect.flow-impl") && services.contains("org.fcredirect.storage-impl"));
        assertTrue(services, services.contains("org.fcredirect:type=Monitor"));
        await("storage, flow and policy checks healthy", () -> {
            try {
                String json = execute("fcr:health --json");
                return json.contains("\"target\":\"storage\",\"status\":\"healthy\"")
                        && json.contains("\"target\":\"flow\",\"status\":\"healthy\"")
                        && json.contains("\"target\":\"policy\",\"status\":\"healthy\"");
            } catch (Exception e) {
                return false;
            }
        });
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.fcredirect:type=Monitor");
        await("Monitor MBean", () -> server.isRegistered(name));
        TabularData health = (TabularData) server.getAttribute(name, "Health");
        assertTrue(health.toString(), health.size() >= 3);
        assertEquals("healthy", health.get(new Object[] {"check:storage"}).get("status"));
    }

    @Test
    public void applianceOutageDrivesEachFailoverModeAndRecovers() throws Exception {
        MonitorService monitor = service(MonitorService.class);
        execute("fcr:login 30 " + HOST_A + " 0x1e0101");
        execute("fcr:login 30 " + HOST_B + " 0x1e0102");
        execute("fcr:login 30 " + HOST_C + " 0x1e0103");
        execute("fcr:login 30 " + ARRAY + " 0x1e0200");
        execute("fcr:appliance-add --group mig --ports 30/2f:00:00:00:00:1e:00:01/0x1f0100/2f:00:00:00:00:1e:00:02/0x1f0101 mig-1");
        execute("fcr:appliance-add --group mig --ports 30/2f:00:00:00:00:1e:00:03/0x1f0200/2f:00:00:00:00:1e:00:04/0x1f0201 mig-2");
        monitor.heartbeat("mig-1");
        monitor.heartbeat("mig-2");
        long standby = create(HOST_A, "standby");
        long bypass = create(HOST_B, "bypass");
        long block = create(HOST_C, "block");

        execute("fcr:appliance-fail mig-1");
        await("flows fail over", () -> {
            monitor.heartbeat("mig-2");
            return appliance(standby).equals("mig-2") && state(bypass).equals("bypassed") && state(block).equals("blocked");
        });
        assertTrue(execute("fcr:health").contains("mig-1"));

        execute("fcr:appliance-recover mig-1");
        await("flows come back", () -> {
            monitor.heartbeat("mig-1");
            monitor.heartbeat("mig-2");
            return appliance(standby).equals("mig-1") && state(bypass).equals("active") && state(block).equals("active");
        });
        assertRejected("fcr:appliance-fail no-such-appliance", "no-such-appliance");
    }

    @Test
    public void stagedChangesCommitTogetherAndInvalidOnesChangeNothing() throws Exception {
        execute("fcr:config-set policy decisionCacheSize 5000");
        execute("fcr:config-set monitor checkThreshold 4");
        String diff = execute("fcr:config-diff");
        assertTrue(diff, diff.contains("decisionCacheSize") && diff.contains("5000") && diff.contains("checkThreshold"));
        assertTrue(execute("fcr:config-commit -m 'bigger cache'").contains("committed"));
        await("policy cache resized", () -> {
            try {
                return execute("fcr:policies --json").contains("\"capacity\":5000");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(execute("fcr:config policy").contains("5000"));
        assertTrue(execute("fcr:config-history").contains("bigger cache"));

        assertRejected("fcr:config-set policy decisionCacheSize -1", "decisionCacheSize");
        assertRejected("fcr:config-set policy noSuchKey 1", "noSuchKey");
        assertRejected("fcr:config-set nosuchservice key 1", "nosuchservice");
        execute("fcr:config-set policy decisionCacheSize 7000");
        execute("fcr:config-abort");
        assertTrue(execute("fcr:policies --json").contains("\"capacity\":5000"));

        String export = execute("fcr:config-export");
        assertTrue(export, export.contains("\nfcr-config 1") && export.contains("decisionCacheSize = 5000"));
    }

    @Test
    public void aCommitResizesTheFastPathAndThePolicyCacheTogetherAndAnInvalidImportAppliesNothing() throws Exception {
        FastPath fastPath = service(FastPath.class);
        TrafficService traffic = service(TrafficService.class);
        int workers = fastPath.status().settings().workers() + 1;
        execute("fcr:config-set fastpath workers " + workers);
        execute("fcr:config-set policy decisionCacheSize 3000");
        assertTrue(execute("fcr:config-commit -m 'one more worker'").contains("committed"));
        await("fast path rebuilt with " + workers + " workers", () -> fastPath.status().workers().size() == workers
                && fastPath.status().settings().workers() == workers);
        await("policy cache resized", () -> {
            try {
                return execute("fcr:policies --json").contains("\"capacity\":3000");
            } catch (Exception e) {
                return false;
            }
        });
        String history = execute("fcr:config-history");

        String descriptor = execute("fcr:config-export");
        String bad = descriptor.replaceAll("(?m)^(\\s*)workers = \\d+", "$1workers = " + (workers + 1))
                .replaceAll("(?m)^(\\s*)decisionCacheSize = \\d+", "$1decisionCacheSize = -1");
        assertTrue(bad, bad.contains("workers = " + (workers + 1)) && bad.contains("decisionCacheSize = -1"));
        Path file = Files.createTempFile("fcr-config-bad", ".cfg");
        Files.writeString(file, bad, StandardCharsets.UTF_8);
        assertRejected("fcr:config-import " + file, "decisionCacheSize");
        // settings reach a service through ConfigAdmin: what it holds is what would be applied
        assertEquals(Integer.toString(workers), String.valueOf(configurationAdmin.getConfiguration("org.fcredirect.fastpath", null)
                .getProperties().get("workers")));
        assertEquals("3000", String.valueOf(configurationAdmin.getConfiguration("org.fcredirect.policy", null)
                .getProperties().get("decisionCacheSize")));
        assertEquals("workers unchanged", workers, fastPath.status().workers().size());
        assertTrue(execute("fcr:policies --json").contains("\"capacity\":3000"));
        assertEquals("no version recorded", history, execute("fcr:config-history"));
    }

    @Test
    public void underGeneratorTrafficFlowsFollowTheirFailoverModesAndComeBackAndForwardingOutlivesTheStatsService()
            throws Exception {
        FastPath fastPath = service(FastPath.class);
        TrafficService traffic = service(TrafficService.class);
        FlowService flows = service(FlowService.class);
        MonitorService monitor = service(MonitorService.class);
        assertRejected("fcr:traffic-start failover=sideways", "failover");
        assertRejected("fcr:traffic-start appliances=3073 redirectPercent=50", "appliances");
        execute("fcr:traffic-start " + FAILOVER_TRAFFIC);
        try {
            await("the generator runs", () -> traffic.traffic().state() == TrafficState.RUNNING
                    && traffic.traffic().exchangesCompleted() > 500);
            Map<FailoverMode, Flow> onIt = new EnumMap<>(FailoverMode.class);
            for (Flow f : flows.list(FlowFilter.builder().appliance("trafgen-0").build(), 0, 100).flows()) {
                onIt.put(f.failover(), f);
            }
            assertEquals("trafgen-0 carries a flow of each mode: " + onIt, 3, onIt.size());
            long standby = onIt.get(FailoverMode.STANDBY).id().value();
            long bypass = onIt.get(FailoverMode.BYPASS).id().value();
            long block = onIt.get(FailoverMode.BLOCK).id().value();
            TrafficStatus before = traffic.traffic();
            assertEquals(before.toString(), 0, before.addressMismatches() + before.framesDropped());
            long ruleDrops = fastPath.status().drops().get(DropReason.RULE_DROP);
            Duration detection = monitor.appliance("trafgen-0").orElseThrow().timing().detection();

            long failedAt = System.nanoTime();
            execute("fcr:appliance-fail trafgen-0");
            await("trafgen-0's flows fail over", () -> flow(flows, standby).appliance().equals(Optional.of("trafgen-2"))
                    && flow(flows, standby).state() == FlowState.ACTIVE && flow(flows, bypass).state() == FlowState.BYPASSED
                    && flow(flows, block).state() == FlowState.BLOCKED && traffic.traffic().flowMoves() >= 3);
            Duration tookToMove = Duration.ofNanos(System.nanoTime() - failedAt);
            assertTrue("moved after " + tookToMove + ", detection " + detection,
                    tookToMove.compareTo(detection.plusSeconds(5)) < 0);
            assertTrue("the bypassed flow is direct", flows.rules(FlowId.of(bypass)).stream()
                    .allMatch(r -> r.action() == RuleAction.PERMIT));
            await("the blocked flow's frames are dropped by its rule",
                    () -> fastPath.status().drops().get(DropReason.RULE_DROP) > ruleDrops);
            assertFramesFlow(standby, bypass);
            assertNoMismatchPastTheGrace(traffic);

            execute("fcr:appliance-recover trafgen-0");
            await("trafgen-0's flows come back", () -> Stream.of(standby, bypass, block).allMatch(id ->
                    flow(flows, id).state() == FlowState.ACTIVE && flow(flows, id).appliance().equals(Optional.of("trafgen-0")))
                    && traffic.traffic().flowMoves() >= 6);
            assertFramesFlow(standby, bypass, block);
            assertNoMismatchPastTheGrace(traffic);
            long dropped = traffic.traffic().framesDropped();
            long completed = traffic.traffic().exchangesCompleted();
            await("more exchanges", () -> traffic.traffic().exchangesCompleted() > completed + 500);
            assertEquals("nothing dropped once the flows are back", dropped, traffic.traffic().framesDropped());

            Bundle stats = bundle("org.fcredirect.stats-impl");
            stats.stop();
            try {
                await("stats-consumer unhealthy without a consumer", () -> !health("stats-consumer").healthy());
                long processed = fastPath.status().framesProcessed();
                awaitFramesPast(fastPath, processed + 10_000);
                assertTrue(health("fastpath").message(), health("fastpath").healthy());
                assertTrue(health("stats-consumer").message(), !health("stats-consumer").healthy());
                // what the operator sees once the monitor counted its threshold of failed runs
                await("fcr:health reports the missing consumer", () -> {
                    try {
                        return execute("fcr:health --json").contains("\"target\":\"stats-consumer\",\"status\":\"unhealthy\"");
                    } catch (Exception e) {
                        return false;
                    }
                });
                assertTrue(health("fastpath").healthy());
            } finally {
                stats.start();
            }
            await("stats-consumer healthy again", () -> health("stats-consumer").healthy());
        } finally {
            execute("fcr:traffic-stop");
            TrafficStatus end = traffic.awaitTraffic(Duration.ofSeconds(40));
            assertEquals(end.toString(), TrafficState.STOPPED, end.state());
        }
    }

    private static Flow flow(FlowService flows, long id) {
        return flows.get(FlowId.of(id)).orElseThrow();
    }

    /** Frames of each flow keep reaching the statistics: the generator sends them and the fast path forwards them. */
    private void assertFramesFlow(long... ids) throws InterruptedException {
        StatsService stats = service(StatsService.class);
        for (long id : ids) {
            long frames = stats.flow(id).map(f -> f.counters().frames()).orElse(0L);
            await("frames of flow " + id + " past " + frames,
                    () -> stats.flow(id).map(f -> f.counters().frames()).orElse(0L) > frames + 50);
        }
    }

    /**
     * A frame that misses its route is counted as a mismatch once 2 s passed without a move of its
     * flow; the check runs every second. So 3.5 s after the moves every mismatch would show.
     */
    private static void assertNoMismatchPastTheGrace(TrafficService traffic) {
        long since = System.nanoTime();
        await("the generator's mismatch grace passed", () -> System.nanoTime() - since > 3_500_000_000L);
        TrafficStatus s = traffic.traffic();
        assertEquals("no address mismatch: " + s, 0, s.addressMismatches());
        assertEquals("no incomplete exchange: " + s, 0, s.incompleteExchanges());
    }

    private long create(String host, String failover) throws Exception {
        String out = execute("fcr:flow-create --vsan 30 --initiator " + host + " --target " + ARRAY + " --appliance mig-1 --failover " + failover);
        return Long.parseLong(out.replaceAll("(?s)^flow (\\d+) created.*", "$1").strip());
    }

    private String state(long id) {
        return field(id, "state");
    }

    private String appliance(long id) {
        return field(id, "appliance");
    }

    private String field(long id, String key) {
        try {
            String json = execute("fcr:flow-show --json " + id);
            return json.replaceAll("(?s).*\"" + key + "\":\"?([^\",]*)\"?[,}].*", "$1");
        } catch (Exception e) {
            return "?";
        }
    }
}
