package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.traffic.api.TrafficService;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * A statistics consumer that throws on every batch (fixtures/failing-stats) takes the stats
 * service's place under traffic: the fast path still takes every frame the generator sends as it
 * comes, counts the failures, and once the real service is back every frame is accounted for.
 */
public class StatsFailureIsolationIT extends FcrTestSupport {
    /** Three seconds of the generator's 5000 frames/s with the failing consumer in place. */
    static final long WINDOW_FRAMES = 15_000;

    @Test
    public void aFailingConsumerNeitherSlowsNorStopsForwardingAndLosesNothing() throws Exception {
        FastPath fastPath = service(FastPath.class);
        TrafficService traffic = service(TrafficService.class);
        execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
        awaitFramesPast(fastPath, 5_000);

        Bundle stats = bundle(StatsHotUpgradeIT.STATS_IMPL);
        Bundle failing;
        try (FastPathWatch watch = new FastPathWatch(bundleContext, bundle("org.fcredirect.fastpath-impl"), fastPath)) {
            stats.stop();
            failing = bundleContext.installBundle("mvn:org.fcredirect/failing-stats/" + PROJECT_VERSION);
            failing.start();
            long failuresBefore = fastPath.status().stats().consumerFailures();
            await("the fixture's batches fail", () -> fastPath.status().stats().consumerFailures() > failuresBefore + 10);

            // The generator's own pace depends on the machine; what must hold is that the fast path
            // takes every frame it offers as fast as it comes, consumer or not.
            long exchanges = traffic.traffic().exchangesCompleted();
            long window = traffic.traffic().framesSent() + WINDOW_FRAMES;
            await("the generator sent " + WINDOW_FRAMES + " more frames", () -> traffic.traffic().framesSent() > window);
            long sent = traffic.traffic().framesSent();
            await("the fast path processed every frame the generator sent", () -> fastPath.status().framesProcessed() >= sent);
            assertTrue("exchanges complete end to end", traffic.traffic().exchangesCompleted() > exchanges);
            FastPathStatus status = fastPath.status();
            assertEquals("frames dropped", 0, status.framesDropped());
            assertTrue(status.toString(), status.healthy());
            String shown = execute("fcr:fastpath");
            assertTrue(shown, shown.contains("consumer failures"));
            // the monitor's check of the consumer side, owned by the fast path, sees it fail
            await("stats-consumer unhealthy while every batch fails", () -> !health("stats-consumer").healthy());
            assertTrue(health("fastpath").message(), health("fastpath").healthy());

            failing.uninstall();
            stats.start();
            service(org.fcredirect.stats.api.StatsService.class);
            execute("fcr:traffic-stop");
            List<String> problems = watch.problems(1_000);
            assertTrue(problems.toString(), problems.isEmpty());
        }
        assertStatsReconcile(fastPath);
    }
}
