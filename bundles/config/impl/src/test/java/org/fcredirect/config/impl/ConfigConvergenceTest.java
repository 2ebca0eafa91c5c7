package org.fcredirect.config.impl;

import static org.fcredirect.config.impl.Fixture.FASTPATH;
import static org.fcredirect.config.impl.Fixture.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.flow.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second node: its own ConfigAdmin and applied mark, the first node's log. */
class ConfigConvergenceTest {
    @TempDir
    Path dir;
    private Fixture f;
    private final FakeConfigAdmin otherAdmin = new FakeConfigAdmin();
    private final List<ConfigManager> started = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        f = new Fixture(dir);
        f.admin.preset(POLICY, Map.of("decisionCacheSize", "10000"));
        otherAdmin.preset(POLICY, Map.of("decisionCacheSize", "10000"));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        started.forEach(ConfigManager::deactivate);
    }

    private ConfigManager otherNode(AppliedMark mark) {
        ConfigManager m = new ConfigManager(f.log, new RunningConfig(otherAdmin),
                new SettingsCatalog(f.metatype, f.metatype::bundles), f.clock, mark);
        started.add(m);
        return m;
    }

    private static ConfigVersion commit(ConfigManager node, String pid, String key, String value) {
        node.begin("alice");
        node.stage(pid, key, value);
        return node.commit(key + "=" + value);
    }

    @Test
    void aVersionCommittedOnOneNodeAppliesToTheOthersSettings() {
        ConfigManager two = otherNode(new AppliedMark(dir.resolve("mark-2")));
        commit(f.config, POLICY, "decisionCacheSize", "500");
        Await.until("node 2's ConfigAdmin to get node 1's version",
                () -> "500".equals(otherAdmin.properties(POLICY).get("decisionCacheSize")));
        assertEquals(f.config.history(), two.history());
        assertEquals(2, commit(two, FASTPATH, "workers", "8").number(), "numbers come from the shared history");
        Await.until("node 1 to get node 2's version", () -> "8".equals(f.admin.properties(FASTPATH).get("workers")));
    }

    @Test
    void aNodeThatWasDownAppliesWhatWasCommittedMeanwhileAndOnlyThat() {
        AppliedMark mark = new AppliedMark(dir.resolve("mark-2"));
        ConfigManager two = otherNode(mark);
        commit(f.config, POLICY, "decisionCacheSize", "500");
        Await.until("node 2 to apply version 1", () -> two.history().size() == 1);
        two.deactivate();
        otherAdmin.preset(POLICY, Map.of("decisionCacheSize", "42"));
        commit(f.config, FASTPATH, "workers", "8");
        otherNode(new AppliedMark(dir.resolve("mark-2")));
        assertEquals("8", otherAdmin.properties(FASTPATH).get("workers"), "version 2 was missed, so it applies");
        assertEquals("42", otherAdmin.properties(POLICY).get("decisionCacheSize"), "version 1 was applied already");
    }

    @Test
    void commitsOnBothNodesAtOnceGetTheirOwnNumbersAndBothApplyEverywhere() throws Exception {
        ConfigManager two = otherNode(new AppliedMark(null));
        for (int round = 1; round <= 10; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            String size = Integer.toString(1000 + round);
            String workers = Integer.toString(1 + round % 8);
            Future<ConfigVersion> a = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return commit(f.config, POLICY, "decisionCacheSize", size);
            });
            Future<ConfigVersion> b = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return commit(two, FASTPATH, "workers", workers);
            });
            long n1 = a.get(10, TimeUnit.SECONDS).number();
            long n2 = b.get(10, TimeUnit.SECONDS).number();
            assertEquals(List.of(2L * round - 1, 2L * round), List.of(Math.min(n1, n2), Math.max(n1, n2)));
            Await.until("both nodes to hold both settings", () -> size.equals(otherAdmin.properties(POLICY)
                    .get("decisionCacheSize")) && workers.equals(f.admin.properties(FASTPATH).get("workers")));
        }
        Await.until("the same history on both", () -> f.config.history().equals(two.history()));
    }
}
