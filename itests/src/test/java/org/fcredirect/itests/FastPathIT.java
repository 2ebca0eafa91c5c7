package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.PoolUse;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.Test;

/**
 * The generator drives 10 000 redirected flows through the fast path in the assembly: every
 * exchange completes end to end through the simulated appliances, no rewrite is wrong, and the
 * fast path's counters agree with the generator's.
 */
public class FastPathIT extends FcrTestSupport {

    @Test
    public void tenThousandRedirectedFlowsMillionExchangesNoMismatch() throws Exception {
        FastPath fastPath = service(FastPath.class);
        TrafficService traffic = service(TrafficService.class);
        long processedBefore = fastPath.status().framesProcessed();
        String started = execute("fcr:traffic-start vsans=2 firstVsan=100 initiatorsPerVsan=100 targetsPerVsan=100"
                + " flowsPerInitiator=50 appliances=50 redirectPercent=100 readPercent=70 ioSizes=2048 queueDepth=4"
                + " framesPerSecond=0 exchanges=1000000 cleanup=true seed=7");
        assertTrue(started, started.contains("flows") );
        FastPathStatus status = assertMillionExchangesEndToEnd(traffic, fastPath, 10_000, processedBefore);
        assertEquals("nothing dropped", 0, status.framesDropped());

        String shown = execute("fcr:traffic");
        assertTrue(shown, shown.contains("finished") && shown.contains("1000000"));
        String fp = execute("fcr:fastpath");
        assertTrue(fp, fp.contains("alive"));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.fcredirect:type=FastPath");
        await("FastPath MBean", () -> server.isRegistered(name));
        assertEquals(Boolean.TRUE, server.getAttribute(name, "Healthy"));
    }

    /**
     * One array behind two appliances of one group: 200 hosts to 20 targets in one VSAN, each host
     * using 5 targets, every target shared by 50 hosts. Each appliance presents a VT per target it
     * fronts and a VI per host it serves, so no frame is ambiguous; a failover moves the flows to
     * the other appliance with new VT/VI there and the traffic keeps every address right; failback
     * brings them home and frees the standby's ports.
     */
    @Test
    public void manyHostsPerTargetThroughTwoAppliancesMillionExchangesFailoverAndBack() throws Exception {
        FastPath fastPath = service(FastPath.class);
        TrafficService traffic = service(TrafficService.class);
        FlowService flows = service(FlowService.class);
        ApplianceInventory inventory = service(ApplianceInventory.class);
        String topology = "vsans=1 firstVsan=400 initiatorsPerVsan=200 targetsPerVsan=20 flowsPerInitiator=5"
                + " appliances=2 redirectPercent=100 failover=standby readPercent=70 ioSizes=2048 queueDepth=4";
        long processedBefore = fastPath.status().framesProcessed();
        long ambiguousBefore = fastPath.status().drops().get(DropReason.AMBIGUOUS_RULE);
        execute("fcr:traffic-start " + topology + " framesPerSecond=0 exchanges=1000000 cleanup=false seed=13");
        FastPathStatus status = assertMillionExchangesEndToEnd(traffic, fastPath, 1000, processedBefore);
        assertEquals("ambiguous-rule drops", ambiguousBefore, (long) status.drops().get(DropReason.AMBIGUOUS_RULE));
        // each appliance fronts 10 targets, and every host uses targets of both
        for (String a : List.of("trafgen-0", "trafgen-1")) {
            assertEquals(a, List.of(new PoolUse(VsanId.of(400), 210, 4096, 0)), inventory.poolUse(a));
        }
        String ports = execute("fcr:appliance-ports trafgen-0");
        assertTrue(ports, ports.contains("VT") && ports.contains("VI") && ports.contains("50:06:01:90:00:00:00:00"));

        List<Flow> onZero = flows.list(FlowFilter.builder().appliance("trafgen-0").build(), 0, 1000).flows();
        assertEquals(500, onZero.size());
        Flow one = onZero.get(0);
        execute("fcr:traffic-start " + topology + " framesPerSecond=20000 cleanup=true seed=14");
        try {
            await("the generator runs", () -> traffic.traffic().state() == TrafficState.RUNNING
                    && traffic.traffic().exchangesCompleted() > 1000);
            execute("fcr:appliance-fail trafgen-0");
            await("trafgen-0's flows fail over to trafgen-1", () -> flows.list(FlowFilter.builder().appliance("trafgen-1")
                    .build(), 0, 2000).flows().stream().filter(f -> f.state() == FlowState.ACTIVE).count() == 1000);
            Flow moved = flows.get(one.id()).orElseThrow();
            assertTrue(moved.toString(), moved.virtualTarget().isPresent()
                    && !moved.virtualTarget().equals(one.virtualTarget()) && !moved.virtualInitiator().equals(one.virtualInitiator()));
            assertEquals(List.of(new PoolUse(VsanId.of(400), 220, 4096, 0)), inventory.poolUse("trafgen-1"));
            assertEquals(0, inventory.poolUse("trafgen-0").get(0).allocated());
            assertExchangesFlowWithoutMismatch(traffic);

            execute("fcr:appliance-recover trafgen-0");
            await("the flows fail back", () -> flows.list(FlowFilter.builder().appliance("trafgen-0").build(), 0, 2000)
                    .flows().stream().filter(f -> f.state() == FlowState.ACTIVE
                            && f.appliance().equals(Optional.of("trafgen-0"))).count() == 500);
            assertEquals("failback frees the standby's ports", List.of(new PoolUse(VsanId.of(400), 210, 4096, 0)),
                    inventory.poolUse("trafgen-1"));
            assertExchangesFlowWithoutMismatch(traffic);
            assertEquals("ambiguous-rule drops", ambiguousBefore,
                    (long) fastPath.status().drops().get(DropReason.AMBIGUOUS_RULE));
        } finally {
            execute("fcr:traffic-stop");
            traffic.awaitTraffic(Duration.ofMinutes(1));
        }
    }

    /** The run of a million exchanges finished without a mismatch, and the fast path saw every frame sent. */
    private static FastPathStatus assertMillionExchangesEndToEnd(TrafficService traffic, FastPath fastPath, int flows,
            long processedBefore) throws InterruptedException {
        TrafficStatus done = traffic.awaitTraffic(Duration.ofMinutes(5));
        assertEquals(done.toString(), TrafficState.FINISHED, done.state());
        assertEquals(flows, done.flows());
        assertEquals(1_000_000, done.exchangesCompleted());
        assertEquals("rewrite mismatches", 0, done.addressMismatches());
        assertEquals("errors", 0, done.errors());
        FastPathStatus status = fastPath.status();
        assertEquals("frames the fast path processed = frames the generator sent",
                done.framesSent(), status.framesProcessed() - processedBefore);
        return status;
    }

    /** More exchanges complete, and once the generator's grace for moves has passed none was misaddressed. */
    private static void assertExchangesFlowWithoutMismatch(TrafficService traffic) {
        long completed = traffic.traffic().exchangesCompleted();
        long since = System.nanoTime();
        await("more exchanges past the mismatch grace", () -> traffic.traffic().exchangesCompleted() > completed + 2000
                && System.nanoTime() - since > 3_500_000_000L);
        TrafficStatus s = traffic.traffic();
        assertEquals("no address mismatch: " + s, 0, s.addressMismatches());
    }

    @Test
    public void badTrafficSettingsGetOneLine() {
        assertRejected("fcr:traffic-start vsans", "key=value");
        assertRejected("fcr:traffic-start nosuch=1", "nosuch");
        assertRejected("fcr:traffic-start duration=soon", "duration");
        assertRejected("fcr:replay /no/such/file.pcap", "/no/such/file.pcap");
    }
}
