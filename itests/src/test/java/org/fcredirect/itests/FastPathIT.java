package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
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
                + " framesPerSecond=0 exchanges=1000000 seed=7");
        assertTrue(started, started.contains("flows") );
        TrafficStatus done = traffic.awaitTraffic(Duration.ofMinutes(5));
        assertEquals(done.toString(), TrafficState.FINISHED, done.state());
        assertEquals(10_000, done.flows());
        assertEquals(1_000_000, done.exchangesCompleted());
        assertEquals("rewrite mismatches", 0, done.addressMismatches());
        assertEquals("errors", 0, done.errors());

        FastPathStatus status = fastPath.status();
        assertEquals("frames the fast path processed = frames the generator sent",
                done.framesSent(), status.framesProcessed() - processedBefore);
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

    @Test
    public void badTrafficSettingsGetOneLine() {
        assertRejected("fcr:traffic-start vsans", "key=value");
        assertRejected("fcr:traffic-start nosuch=1", "nosuch");
        assertRejected("fcr:traffic-start duration=soon", "duration");
        assertRejected("fcr:replay /no/such/file.pcap", "/no/such/file.pcap");
    }
}
