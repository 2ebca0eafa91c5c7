package org.fcredirect.config.impl;

import static org.fcredirect.config.impl.Fixture.FASTPATH;
import static org.fcredirect.config.impl.Fixture.POLICY;
import static org.fcredirect.config.impl.Fixture.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.ConfigValidationException;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.SettingRule;
import org.fcredirect.config.api.ValueChange;
import org.fcredirect.config.api.VersionOrigin;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.follow.ChangeGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged sessions: begin, stage across services, diff, commit as a whole or abort. */
class SessionTest {
    @TempDir
    Path dir;
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(dir);
    }

    private void stageWorkersAndCacheSize() {
        f.config.begin("alice");
        f.config.stage(FASTPATH, "workers", "8");
        f.config.stage(POLICY, "decisionCacheSize", "500");
    }

    @Test
    void aCommitAppliesTheChangesOfSeveralServicesTogetherAsOneStoredVersion() {
        stageWorkersAndCacheSize();
        assertTrue(f.admin.updates.isEmpty(), "staging applies nothing");
        assertEquals(List.of(new ValueChange(FASTPATH, "workers", Optional.empty(), Optional.of("8")),
                new ValueChange(POLICY, "decisionCacheSize", Optional.empty(), Optional.of("500"))), f.config.diff());

        ConfigVersion v = f.config.commit("more workers, smaller cache");
        assertEquals(1, v.number());
        assertEquals("alice", v.owner());
        assertEquals(VersionOrigin.SESSION, v.origin());
        assertEquals(2, v.changes().size());
        assertEquals(List.of(FASTPATH, POLICY), f.admin.updates);
        assertEquals("8", f.admin.properties(FASTPATH).get("workers"));
        assertEquals("500", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertEquals("500", f.config.service(POLICY).setting("decisionCacheSize").orElseThrow().value());
        assertTrue(f.config.session().isEmpty(), "the session ends with its commit");
        List<StoredEvent> events = f.log.events(ConfigManager.STREAM);
        assertEquals(List.of(ChangeGuard.TYPE), events.stream().map(StoredEvent::type).toList());
        assertEquals(HistoryCodec.COMMITTED, ChangeGuard.decode(events.get(0).payload()).events().get(0).type());
    }

    @Test
    void aChangeThatBreaksARuleAtCommitTimeAppliesNothing() {
        f.config.begin("alice");
        f.config.stage(FASTPATH, "workers", "32");
        f.config.stage(POLICY, "decisionCacheSize", "500");
        f.fastpath("16");  // the fast path was updated meanwhile: fewer workers allowed

        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> f.config.commit(""));
        assertEquals(SettingRule.MAX, e.errors().get(0).rule());
        assertEquals("org.fcredirect.fastpath workers '32': max: must be at most 16", e.getMessage());
        assertTrue(f.admin.updates.isEmpty(), "not even the valid policy change");
        assertTrue(f.log.events(ConfigManager.STREAM).isEmpty());
        assertEquals(2, f.config.session().orElseThrow().changes().size(), "the session stays open to fix it");
    }

    @Test
    void aVersionTheLogCannotStoreIsNotApplied() {
        stageWorkersAndCacheSize();
        f.log.failAppends(true);
        ConfigException e = assertThrows(ConfigException.class, () -> f.config.commit(""));
        assertTrue(e.getMessage().startsWith("version 1 not stored, nothing applied: "), e.getMessage());
        assertTrue(f.admin.updates.isEmpty());
        assertTrue(f.config.history().isEmpty());
        assertTrue(f.config.session().isPresent());
    }

    @Test
    void whenConfigAdminFailsHalfwayTheServicesAlreadyUpdatedAreRestored() {
        f.admin.preset(FASTPATH, Map.of("workers", "4"));
        stageWorkersAndCacheSize();
        f.admin.failUpdatesOf(POLICY);
        ConfigException e = assertThrows(ConfigException.class, () -> f.config.commit(""));
        assertTrue(e.getMessage().startsWith("version 1 not applied: applying to org.fcredirect.policy failed"),
                e.getMessage());
        assertEquals("4", f.admin.properties(FASTPATH).get("workers"), "restored");
        ConfigVersion v = f.config.history().get(0);
        assertFalse(v.applied());
        assertEquals(List.of(ChangeGuard.TYPE, HistoryCodec.REVERTED),
                f.log.events(ConfigManager.STREAM).stream().map(StoredEvent::type).toList());
    }

    @Test
    void anAbortedSessionAppliesNothing() {
        stageWorkersAndCacheSize();
        f.config.abort();
        assertTrue(f.config.session().isEmpty());
        assertTrue(f.admin.updates.isEmpty());
        assertTrue(f.log.events().isEmpty());
        assertThrows(ConfigException.class, () -> f.config.abort());
    }

    @Test
    void oneSessionAtATime() {
        f.config.begin("alice");
        ConfigException e = assertThrows(ConfigException.class, () -> f.config.begin("bob"));
        assertEquals("a configuration session of alice is open with 0 staged changes; commit or abort it first",
                e.getMessage());
        f.config.abort();
        assertEquals("bob", f.config.begin("bob").owner());
    }

    @Test
    void stagingNeedsASession() {
        ConfigException e = assertThrows(ConfigException.class, () -> f.config.stage(POLICY, "decisionCacheSize", "1"));
        assertEquals("no configuration session is open: nothing is staged (fcr:config-set begins one)", e.getMessage());
        assertThrows(ConfigException.class, () -> f.config.diff());
        assertThrows(ConfigException.class, () -> f.config.commit(""));
    }

    @Test
    void stagingAgainReplacesUnstagingDropsAndTheDiffLeavesOutWhatDoesNotChange() {
        f.config.begin("alice");
        f.config.stage(POLICY, "decisionCacheSize", "1");
        f.config.stage(FASTPATH, "workers", "3");
        f.config.stage(POLICY, "decisionCacheSize", "2");
        f.config.stage(POLICY, "defaultAction", "drop");
        f.config.unstage(POLICY, "defaultAction");
        f.config.stage(TEST, "name", "node1");
        assertEquals(3, f.config.session().orElseThrow().changes().size());
        assertEquals(List.of(new ValueChange(POLICY, "decisionCacheSize", Optional.empty(), Optional.of("2")),
                new ValueChange(FASTPATH, "workers", Optional.empty(), Optional.of("3"))), f.config.diff());
    }

    @Test
    void aCommitThatChangesNothingIsRefused() {
        f.config.begin("alice");
        f.config.stage(TEST, "name", "node1");
        ConfigException e = assertThrows(ConfigException.class, () -> f.config.commit(""));
        assertEquals("nothing to commit: every staged value equals the running one", e.getMessage());
    }

    @Test
    void aResetToTheDefaultTakesTheKeyOutOfTheConfiguration() {
        f.admin.preset(POLICY, Map.of("decisionCacheSize", "77", "defaultAction", "drop"));
        f.config.begin("alice");
        f.config.stageDefault(POLICY, "decisionCacheSize");
        ConfigVersion v = f.config.commit("back to the default");
        assertEquals(List.of(new ValueChange(POLICY, "decisionCacheSize", Optional.of("77"), Optional.empty())),
                v.changes());
        assertFalse(f.admin.properties(POLICY).containsKey("decisionCacheSize"));
        assertEquals("drop", f.admin.properties(POLICY).get("defaultAction"), "the other settings stay");
        assertTrue(f.config.service(POLICY).setting("decisionCacheSize").orElseThrow().isDefault());
    }
}
