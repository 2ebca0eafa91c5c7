package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings from ConfigAdmin: checked, applied live where that is safe, otherwise by rebuilding the pipeline losslessly. */
class SettingsTest {
    static final int VSAN = 60;
    static final int T = 0x020001;
    static final int VT = 0x300000;

    private FastPathManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    private static FastPathConfig config(int workers, long interval, String decision) {
        return new FastPathConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FastPathConfig.class;
            }

            @Override
            public int workers() {
                return workers;
            }

            @Override
            public int ringSize() {
                return 64;
            }

            @Override
            public int controlQueueSize() {
                return 256;
            }

            @Override
            public int statsQueueSize() {
                return 64;
            }

            @Override
            public long statsIntervalMillis() {
                return interval;
            }

            @Override
            public String defaultDecision() {
                return decision;
            }

            @Override
            public int exchangeTableSize() {
                return 65536;
            }
        };
    }

    @Test
    void valuesOutsideTheirRangeAreRejectedNamingTheKey() {
        assertEquals(new FastPathSettings(4, 64, 256, 64, 500, DefaultDecision.DROP, 65536),
                Settings.from(config(4, 500, "Drop"), Map.of()));
        InvalidSettingException workers = assertThrows(InvalidSettingException.class,
                () -> Settings.from(config(0, 500, "forward"), Map.of()));
        assertEquals("workers", workers.key);
        assertEquals("statsIntervalMillis", assertThrows(InvalidSettingException.class,
                () -> Settings.from(config(2, 5, "forward"), Map.of())).key);
        InvalidSettingException decision = assertThrows(InvalidSettingException.class,
                () -> Settings.from(config(2, 500, "maybe"), Map.of()));
        assertTrue(decision.getMessage().contains("defaultDecision=maybe"), decision.getMessage());
    }

    @Test
    void aBadChangeIsRefusedAndTheRunningSettingsStay() {
        manager = new FastPathManager(Fixtures.settings(2));
        manager.modified(config(0, 500, "forward"), Map.of("workers", 0));
        assertEquals(Fixtures.settings(2), manager.status().settings());
    }

    @Test
    void theDefaultDecisionChangesLive() {
        manager = new FastPathManager(Fixtures.settings(2));
        try (TestSource source = new TestSource(manager)) {
            assertTrue(source.send(VSAN, TestFrames.els(0x0A0001, 0x0B0001, 1)).forwarded());
            manager.modified(config(2, 20, "drop"), Map.of());
            assertEquals(DropReason.DEFAULT_DROP, source.send(VSAN, TestFrames.els(0x0A0001, 0x0B0001, 2)).dropped());
            assertEquals(2, manager.status().workers().size(), "no rebuild for a live setting");
        }
    }

    @Test
    void aNewWorkerCountRebuildsThePipelineKeepingRulesAndEveryCount() {
        manager = new FastPathManager(Fixtures.settings(2));
        RuleBatch.Builder b = RuleBatch.builder().reset();
        for (int f = 1; f <= 500; f++) {
            b.add(RewriteRule.rewrite(f, VSAN, 0x010000 + f, T, RewriteRule.ANY_LUN, 0x010000 + f, VT));
        }
        manager.apply(b.build(1));
        List<byte[]> frames = new ArrayList<>();
        for (int f = 1; f <= 500; f++) {
            frames.add(TestFrames.command(0x010000 + f, T, f));
        }
        try (TestSource source = new TestSource(manager)) {
            assertTrue(source.send(VSAN, frames).stream().allMatch(r -> r.did() == VT));
        }
        manager.reconfigure(new FastPathSettings(3, 16, 64, 16, 20, DefaultDecision.FORWARD, 4096));
        assertEquals(3, manager.status().workers().size());
        assertEquals(500, manager.status().workers().stream().mapToLong(w -> w.rules()).sum());
        try (TestSource source = new TestSource(manager)) {
            assertTrue(source.send(VSAN, frames).stream().allMatch(r -> r.did() == VT), "rules carried over");
        }
        assertEquals(1000, manager.status().framesProcessed(), "totals survive the rebuild");
        Recorder r = Fixtures.drainAll(manager);
        assertEquals(1000, r.frames(), "counters from before the rebuild were carried over, not lost");
        for (long f = 1; f <= 500; f++) {
            assertEquals(2, r.byFlow().get(f).frames(), "flow " + f);
        }
    }

    @Test
    void aRebuildWaitsForTheRunningSourcesToEnd() {
        manager = new FastPathManager(Fixtures.settings(2));
        TestSource source = new TestSource(manager);
        manager.reconfigure(Fixtures.settings(1));
        assertEquals(2, manager.status().workers().size());
        assertEquals(Fixtures.settings(1), manager.status().pendingSettings().orElseThrow());
        source.close();
        assertEquals(1, manager.status().workers().size());
        assertTrue(manager.status().pendingSettings().isEmpty());
    }
}
