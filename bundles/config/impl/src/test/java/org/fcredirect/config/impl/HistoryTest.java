package org.fcredirect.config.impl;

import static org.fcredirect.config.impl.Fixture.FASTPATH;
import static org.fcredirect.config.impl.Fixture.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.VersionOrigin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed versions on the config stream, rebuilt after a restart, and rollback to any of them. */
class HistoryTest {
    @TempDir
    Path dir;
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(dir);
        f.admin.preset(POLICY, Map.of("decisionCacheSize", "10000"));
    }

    private ConfigVersion commit(String pid, String key, String value) {
        f.config.begin("alice");
        f.config.stage(pid, key, value);
        return f.config.commit(key + "=" + value);
    }

    /** v1: cache 500; v2: workers 8; v3: cache 700, action drop. */
    private void threeVersions() {
        commit(POLICY, "decisionCacheSize", "500");
        commit(FASTPATH, "workers", "8");
        f.config.begin("alice");
        f.config.stage(POLICY, "decisionCacheSize", "700");
        f.config.stage(POLICY, "defaultAction", "drop");
        f.config.commit("v3");
    }

    @Test
    void versionsAreNumberedAndSurviveARestart() {
        threeVersions();
        assertEquals(List.of(1L, 2L, 3L), f.config.history().stream().map(ConfigVersion::number).toList());
        ConfigManager restarted = f.start();
        assertEquals(f.config.history(), restarted.history());
        restarted.begin("bob");
        restarted.stage(FASTPATH, "workers", "9");
        assertEquals(4, restarted.commit("").number());
    }

    @Test
    void aRollbackSetsEverySettingChangedSinceBackAsANewVersion() {
        threeVersions();
        ConfigVersion back = f.config.rollback(1, "carol");
        assertEquals(4, back.number());
        assertEquals(VersionOrigin.ROLLBACK, back.origin());
        assertEquals("rollback to version 1", back.comment());
        assertEquals("500", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertFalse(f.admin.properties(POLICY).containsKey("defaultAction"), "unset at version 1: unset again");
        assertFalse(f.admin.properties(FASTPATH).containsKey("workers"));
        assertEquals(4, f.config.history().size());
    }

    @Test
    void aRollbackToZeroRestoresTheSettingsFromBeforeTheFirstVersion() {
        threeVersions();
        f.config.rollback(0, "carol");
        assertEquals("10000", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertFalse(f.admin.properties(FASTPATH).containsKey("workers"));
    }

    @Test
    void aRollbackOfARollbackRedoes() {
        threeVersions();
        f.config.rollback(1, "carol");
        f.config.rollback(3, "carol");
        assertEquals("700", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertEquals("8", f.admin.properties(FASTPATH).get("workers"));
        assertEquals("drop", f.admin.properties(POLICY).get("defaultAction"));
    }

    @Test
    void aRollbackToTheCurrentSettingsOrAnUnknownVersionOrDuringASessionIsRefused() {
        threeVersions();
        assertEquals("nothing to roll back: the settings changed since version 3 already have their values of then",
                assertThrows(ConfigException.class, () -> f.config.rollback(3, "carol")).getMessage());
        assertEquals("no configuration version 9; the history holds 0..3",
                assertThrows(ConfigException.class, () -> f.config.rollback(9, "carol")).getMessage());
        f.config.begin("alice");
        assertThrows(ConfigException.class, () -> f.config.rollback(1, "carol"));
        assertEquals(3, f.config.history().size());
    }

    @Test
    void aVersionThatWasNotAppliedIsSkippedByRollbacksAndKnownAfterARestart() {
        commit(POLICY, "decisionCacheSize", "500");
        f.admin.failUpdatesOf(FASTPATH);
        assertThrows(ConfigException.class, () -> commit(FASTPATH, "workers", "8"));
        f.admin.failUpdatesOf(null);
        f.config.abort();
        assertFalse(f.start().history().get(1).applied());
        commit(POLICY, "decisionCacheSize", "600");
        f.config.rollback(1, "carol");
        assertEquals("500", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertFalse(f.admin.properties(FASTPATH).containsKey("workers"));
    }

    @Test
    void anUnreadableEventIsSkippedWhenTheHistoryIsRebuilt() {
        commit(POLICY, "decisionCacheSize", "500");
        f.log.append(ConfigManager.STREAM, HistoryCodec.COMMITTED, "{not json".getBytes(StandardCharsets.UTF_8));
        commit(POLICY, "decisionCacheSize", "600");
        List<ConfigVersion> rebuilt = f.start().history();
        assertEquals(List.of(1L, 2L), rebuilt.stream().map(ConfigVersion::number).toList());
        assertTrue(rebuilt.stream().allMatch(ConfigVersion::applied));
    }

    @Test
    void listenersHearOfEveryAppliedVersionAndAFailingOneStopsNobody() {
        List<ConfigVersion> heard = new ArrayList<>();
        f.config.addListener(v -> {
            throw new IllegalStateException("listener bug");
        });
        f.config.addListener(heard::add);
        commit(POLICY, "decisionCacheSize", "500");
        f.admin.failUpdatesOf(FASTPATH);
        assertThrows(ConfigException.class, () -> commit(FASTPATH, "workers", "8"));
        f.admin.failUpdatesOf(null);
        f.config.abort();
        f.config.rollback(0, "carol");
        assertEquals(List.of(1L, 3L), heard.stream().map(ConfigVersion::number).toList(), "version 2 was not applied");
        assertEquals(List.of(VersionOrigin.SESSION, VersionOrigin.ROLLBACK), heard.stream().map(ConfigVersion::origin).toList());
        assertEquals(3, f.config.history().size());
    }
}
