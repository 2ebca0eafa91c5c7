package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.stats.api.StatsService;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * The statistics service is stopped, upgraded through a second feature repository and rolled back
 * with bundle:update while the generator runs. Forwarding never notices, and after the traffic
 * stops not one frame is missing from the per-flow statistics.
 */
public class StatsHotUpgradeIT extends FcrTestSupport {
    static final String STATS_IMPL = "org.fcredirect.stats-impl";

    @Test
    public void stopUpgradeAndRollbackUnderTrafficLoseNoFrame() throws Exception {
        FastPath fastPath = service(FastPath.class);
        Bundle fastPathBundle = bundle("org.fcredirect.fastpath-impl");
        execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
        awaitFramesPast(fastPath, 5_000);

        try (FastPathWatch watch = new FastPathWatch(bundleContext, fastPathBundle, fastPath)) {
            Bundle stats = bundle(STATS_IMPL);
            stats.stop();
            long pendingBefore = fastPath.status().stats().pendingFrames();
            // stopped for several seconds of traffic: 15 000 frames at the generator's 5000 frames/s
            awaitFramesPast(fastPath, fastPath.status().framesProcessed() + 15_000);
            assertTrue("counts wait in the fast path while stats is stopped",
                    fastPath.status().stats().pendingFrames() > pendingBefore);
            assertTrue("the stats check left with its bundle", health("stats").message().startsWith("no stats"));
            stats.start();
            awaitStatsDraining(fastPath);

            execute("feature:repo-add " + upgradeRepository("stats"));
            execute("feature:install -u fcr-stats/" + UPGRADE_VERSION);
            await("stats impl at " + UPGRADE_VERSION, () -> bundle(STATS_IMPL).getVersion().equals(Version.parseVersion(UPGRADE_VERSION)));
            for (Bundle b : fcrBundles()) {
                assertTrue("only stats was upgraded: " + b, b.getSymbolicName().equals(STATS_IMPL)
                        || !b.getVersion().equals(Version.parseVersion(UPGRADE_VERSION)));
            }
            awaitStatsDraining(fastPath);

            long rollbackId = bundle(STATS_IMPL).getBundleId();
            execute("bundle:update " + rollbackId + " mvn:org.fcredirect/stats-impl/" + PROJECT_VERSION);
            await("stats impl rolled back", () -> !bundle(STATS_IMPL).getVersion().equals(Version.parseVersion(UPGRADE_VERSION))
                    && bundle(STATS_IMPL).getState() == Bundle.ACTIVE);
            awaitStatsDraining(fastPath);

            execute("fcr:traffic-stop");
            List<String> problems = watch.problems(1_000);
            assertTrue(problems.toString(), problems.isEmpty());
        }
        assertEquals(fastPathBundle.getBundleId(), bundle("org.fcredirect.fastpath-impl").getBundleId());
        assertStatsReconcile(fastPath);
        operatorViewsAgree(fastPath.status().framesProcessed());
    }

    /** What an operator sees after all that: the shell and the MBean show the same, complete counts. */
    private void operatorViewsAgree(long framesProcessed) throws Exception {
        String totals = execute("fcr:stats");
        assertTrue(totals, totals.contains("Since the statistics began") && totals.contains("keeping up"));
        assertTrue(totals, totals.contains("percentiles") && totals.contains("p99"));
        assertTrue(execute("fcr:stats --json").contains("\"since_start\""));
        assertTrue(execute("fcr:stats 1").contains("to initiator"));
        // top ranks the last complete minute, which this test does not last
        assertTrue(execute("fcr:top -n 3 --by mbps").contains("Mean latency"));
        assertTrue(execute("fcr:stats-aggregate --from -5m --by appliance").contains("trafgen-"));
        assertTrue(execute("fcr:stats-chart --minutes 1").contains("┤"));
        assertRejected("fcr:stats abc", "flow id 'abc'");
        assertRejected("fcr:top -n 0", "-n 0");
        assertRejected("fcr:stats-aggregate --from -5m --to -15m", "is not before");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.fcredirect:type=Stats");
        await("Stats MBean", () -> server.isRegistered(name));
        assertEquals("frames since the statistics began, upgrades included", framesProcessed,
                server.getAttribute(name, "TotalFrames"));
        assertEquals(Boolean.TRUE, server.getAttribute(name, "KeepingUp"));
    }

    /** The (new) stats service is registered and has drained since now. */
    private void awaitStatsDraining(FastPath fastPath) throws InterruptedException {
        service(StatsService.class);
        long drained = fastPath.status().stats().framesDrained();
        await("the stats service drains", () -> fastPath.status().stats().framesDrained() > drained);
    }
}
