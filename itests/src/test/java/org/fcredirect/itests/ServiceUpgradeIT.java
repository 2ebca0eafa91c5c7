package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.PolicyService;
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
