package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * A measurement, not a test of the default run (its name does not end in IT): the generator runs
 * unpaced while the statistics bundle and then the traffic bundle are updated in place, and a
 * watcher samples the fast path's processed-frame count to find the longest stall and the deepest
 * dip in frames per second of each phase, against the steady phase before them in the same run.
 * The traffic update takes the generator with it, so a slow source of the test's own (a batch a
 * millisecond) shows whether the fast path itself went on meanwhile. It asserts only that no count
 * is lost; the figures go to {@code target/upgrade-stall.txt}. Run:
 * {@code cd itests && mvn -o -B verify -Dit.test=UpgradeStallMeasurement}.
 */
public class UpgradeStallMeasurement extends FcrTestSupport {
    private static final String UNPACED = "vsans=1 firstVsan=200 initiatorsPerVsan=20 targetsPerVsan=20 flowsPerInitiator=4"
            + " appliances=4 redirectPercent=75 framesPerSecond=0 cleanup=false seed=7";
    private static final String STEADY = "steady, generator unpaced";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("fcr.report").value(new File("target/upgrade-stall.txt").getAbsolutePath())};
    }

    @Test
    public void stallAndDipWhileStatsAndTrafficUpdate() throws Exception {
        FastPath fastPath = service(FastPath.class);
        execute("fcr:traffic-start " + UNPACED);
        awaitFramesPast(fastPath, fastPath.status().framesProcessed() + 100_000);
        List<String> report = new ArrayList<>();
        try (ProcessingGaps gaps = new ProcessingGaps(() -> fastPath.status().framesProcessed(), STEADY)) {
            Thread.sleep(3_000);

            gaps.phase("stats bundle:update");
            long drained = fastPath.status().stats().framesDrained();
            execute("bundle:update " + bundle(StatsHotUpgradeIT.STATS_IMPL).getBundleId());
            service(StatsService.class);
            await("the new stats service drains", () -> fastPath.status().stats().framesDrained() > drained);
            gaps.phase("steady after the stats update");
            Thread.sleep(2_000);

            try (PortSource port = new PortSource(service(FrameSources.class))) {
                await("the port source's frames come back", () -> port.returned() > 100);
                gaps.phase("traffic bundle:update (port source)");
                execute("bundle:update " + bundle(ServiceUpgradeIT.TRAFFIC_IMPL).getBundleId());
                await("the traffic impl is back", () -> bundle(ServiceUpgradeIT.TRAFFIC_IMPL).getState() == Bundle.ACTIVE);
                TrafficService traffic = service(TrafficService.class);
                execute("fcr:traffic-start " + UNPACED);
                await("the new generator runs", () -> traffic.traffic().state() == TrafficState.RUNNING);
                gaps.phase("steady after the traffic update");
                Thread.sleep(2_000);
            }
            report.addAll(gaps.report(STEADY));
        }
        execute("fcr:traffic-stop");
        TrafficStatus end = service(TrafficService.class).awaitTraffic(Duration.ofSeconds(40));
        report.add("generator after the updates: " + end);
        Files.write(Path.of(System.getProperty("fcr.report")), report, StandardCharsets.UTF_8);
        report.forEach(System.out::println);
        assertEquals(end.toString(), 0, end.addressMismatches());
        assertStatsReconcile(fastPath);
    }
}
