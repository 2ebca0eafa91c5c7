package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * A statistics consumer that throws on every batch (fixtures/failing-stats) takes the stats
 * service's place under traffic: forwarding goes on at the same rate, the fast path counts the
 * failures, and once the real service is back every frame is accounted for.
 */
public class StatsFailureIsolationIT extends FcrTestSupport {
    static final long WINDOW_MILLIS = 3_000;

    @Test
    public void aFailingConsumerNeitherSlowsNorStopsForwardingAndLosesNothing() throws Exception {
        FastPath fastPath = service(FastPath.class);
        execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
        awaitFramesPast(fastPath, 5_000);
        long healthyRate = framesIn(fastPath, WINDOW_MILLIS);

        Bundle stats = bundle(StatsHotUpgradeIT.STATS_IMPL);
        Bundle failing;
        try (FastPathWatch watch = new FastPathWatch(bundleContext, bundle("org.fcredirect.fastpath-impl"), fastPath)) {
            stats.stop();
            failing = bundleContext.installBundle("mvn:org.fcredirect/failing-stats/" + PROJECT_VERSION);
            failing.start();
            long failuresBefore = fastPath.status().stats().consumerFailures();
            await("the fixture's batches fail", () -> fastPath.status().stats().consumerFailures() > failuresBefore + 10);

            long failingRate = framesIn(fastPath, WINDOW_MILLIS);
            assertTrue("frames in " + WINDOW_MILLIS + " ms: " + failingRate + " with the failing consumer, "
                    + healthyRate + " before", failingRate >= healthyRate * 8 / 10);
            FastPathStatus status = fastPath.status();
            assertEquals("frames dropped", 0, status.framesDropped());
            assertTrue(status.toString(), status.healthy());
            String shown = execute("fcr:fastpath");
            assertTrue(shown, shown.contains("consumer failures"));

            failing.uninstall();
            stats.start();
            service(org.fcredirect.stats.api.StatsService.class);
            execute("fcr:traffic-stop");
            List<String> problems = watch.problems(1_000);
            assertTrue(problems.toString(), problems.isEmpty());
        }
        assertStatsReconcile(fastPath);
    }

    private static long framesIn(FastPath fastPath, long millis) throws InterruptedException {
        long before = fastPath.status().framesProcessed();
        Thread.sleep(millis);
        return fastPath.status().framesProcessed() - before;
    }
}
