package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Every service is upgraded in turn, as the README tells an operator: add the feature repository
 * of its newer build, then {@code feature:install -u} its feature, all under generator traffic.
 * Each comes back healthy with its state, only its own bundle changed, the fast path never
 * noticed, and no frame is missing from the statistics at the end.
 */
public class ServiceUpgradeIT extends FcrTestSupport {
    static final List<String> SERVICES = List.of("storage", "flow", "policy", "monitor", "config", "stats");
    static final String FAST_PATH_IMPL = "org.fcredirect.fastpath-impl";
    static final String TRAFFIC_IMPL = "org.fcredirect.traffic-impl";
    static final String SHELL = "org.fcredirect.shell";

    /**
     * The traffic sources and the commands live outside the fast path: updating either bundle under
     * generator traffic leaves the fast path bundle as it was (same id, not one bundle event) and
     * processing all along. The traffic update ends the generator's run (keeping its flows), so a
     * source of the test's own, through the fast path's API port, keeps frames flowing meanwhile;
     * then the new traffic bundle runs the generator again over the same flows.
     */
    @Test
    public void theTrafficAndShellBundlesUpdateUnderTrafficAndTheFastPathNeverNotices() throws Exception {
        FastPath fastPath = service(FastPath.class);
        Bundle fastPathBundle = bundle(FAST_PATH_IMPL);
        execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
        awaitFramesPast(fastPath, fastPath.status().framesProcessed() + 5_000);

        try (FastPathWatch watch = new FastPathWatch(bundleContext, fastPathBundle, fastPath);
             PortSource port = new PortSource(service(FrameSources.class))) {
            await("the port source's frames come back", () -> port.returned() > 100);

            execute("bundle:update " + bundle(SHELL).getBundleId());
            await("the shell's commands are back", () -> bundle(SHELL).getState() == Bundle.ACTIVE && answers("fcr:traffic"));
            assertEquals("the generator ran on through the shell update", TrafficState.RUNNING,
                    service(TrafficService.class).traffic().state());

            long trafficId = bundle(TRAFFIC_IMPL).getBundleId();
            execute("bundle:update " + trafficId);
            await("the traffic impl is back", () -> bundle(TRAFFIC_IMPL).getState() == Bundle.ACTIVE);
            assertEquals("updated in place", trafficId, bundle(TRAFFIC_IMPL).getBundleId());
            long returned = port.returned();
            await("the port source goes on", () -> port.returned() > returned + 100);

            TrafficService traffic = service(TrafficService.class);
            execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
            await("the new traffic bundle's generator runs", () -> traffic.traffic().state() == TrafficState.RUNNING
                    && traffic.traffic().exchangesCompleted() > 200);
            execute("fcr:traffic-stop");
            TrafficStatus end = traffic.awaitTraffic(Duration.ofSeconds(40));
            assertEquals(end.toString(), TrafficState.STOPPED, end.state());
            assertEquals(end.toString(), 0, end.addressMismatches());
            assertEquals(end.toString(), 0, end.framesDropped());

            List<String> problems = watch.problems(1_000);
            assertTrue(problems.toString(), problems.isEmpty());
        }
        assertEquals(fastPathBundle.getBundleId(), bundle(FAST_PATH_IMPL).getBundleId());
        assertStatsReconcile(fastPath);
    }

    private boolean answers(String command) {
        try {
            execute(command);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    public void eachServiceUpgradesUnderTrafficWithItsState() throws Exception {
        FastPath fastPath = service(FastPath.class);
        execute("fcr:policy-add --priority 500 --vsan 999 --action drop quarantine");
        execute("fcr:traffic-start " + UPGRADE_TRAFFIC);
        awaitFramesPast(fastPath, 5_000);
        long flows = service(FlowService.class).count(FlowFilter.all());
        assertRejected("fcr:upgrade-check fcr-stats 9.9.9", "no feature fcr-stats/9.9.9");
        assertRejected("fcr:upgrade-check fcr-stats not-a-version", "not-a-version");
        Version upgraded = Version.parseVersion(UPGRADE_VERSION);

        try (FastPathWatch watch = new FastPathWatch(bundleContext, bundle("org.fcredirect.fastpath-impl"), fastPath)) {
            for (String service : SERVICES) {
                String impl = "org.fcredirect." + service + "-impl";
                Version before = bundle(impl).getVersion();
                execute("feature:repo-add " + upgradeRepository(service));
                String plan = execute("fcr:upgrade-check fcr-" + service + " " + UPGRADE_VERSION);
                assertTrue(plan, plan.matches("(?s).*" + impl + "\\s*\\|\\s*" + before + "\\s*\\|\\s*" + UPGRADE_VERSION
                        + "\\s*\\|\\s*update.*") && plan.contains("refreshed: no other bundle") && !plan.contains("WARNING"));
                execute("feature:install -u fcr-" + service + "/" + UPGRADE_VERSION);
                await(impl + " at " + UPGRADE_VERSION, () -> bundle(impl).getVersion().equals(upgraded)
                        && bundle(impl).getState() == Bundle.ACTIVE);
                assertTrue(impl + " was " + before, !before.equals(upgraded));
                awaitFcrServices();
                for (String check : List.of("storage", "flow", "policy", "stats")) {
                    await(check + " healthy after the " + service + " upgrade", () -> health(check).healthy());
                }
                assertEquals("flows after the " + service + " upgrade", flows,
                        service(FlowService.class).count(FlowFilter.all()));
                assertTrue("policies after the " + service + " upgrade",
                        service(PolicyService.class).get("quarantine").isPresent());
                long processed = fastPath.status().framesProcessed();
                awaitFramesPast(fastPath, processed + 1_000);
            }
            for (String service : SERVICES) {
                assertEquals(service + " upgraded once and kept", upgraded, bundle("org.fcredirect." + service + "-impl").getVersion());
            }
            execute("fcr:traffic-stop");
            List<String> problems = watch.problems(1_000);
            assertTrue(problems.toString(), problems.isEmpty());
        }
        HealthResult flow = health("flow");
        assertEquals(flow.toString(), "following", flow.details().get("policyEngine"));
        assertStatsReconcile(fastPath);
    }
}
