package org.fcredirect.config.impl;

import static org.fcredirect.config.impl.Fixture.POLICY;
import static org.fcredirect.config.impl.Fixture.TEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fcredirect.config.api.ConfigValidationException;
import org.fcredirect.config.api.SettingError;
import org.fcredirect.config.api.SettingRule;
import org.fcredirect.config.api.StagedChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every metatype rule, each refusal naming the PID, the key, the value and the rule; nothing changes. */
class ValidationTest {
    @TempDir
    Path dir;
    private Fixture f;

    @BeforeEach
    void begin() {
        f = new Fixture(dir);
        f.config.begin("alice");
    }

    private SettingError refused(String pid, String key, String value, SettingRule rule) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> f.config.stage(pid, key, value));
        assertEquals(1, e.errors().size());
        SettingError error = e.errors().get(0);
        assertEquals(rule, error.rule(), error.message());
        assertEquals(error.message(), e.getMessage());
        assertTrue(f.config.session().orElseThrow().changes().isEmpty(), "nothing staged");
        assertTrue(f.admin.updates.isEmpty(), "nothing applied");
        return error;
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        assertEquals("org.fcredirect.policy decisionCacheSize 'lots': type: must be a whole number from -2147483648 to"
                + " 2147483647", refused(POLICY, "decisionCacheSize", "lots", SettingRule.TYPE).message());
        assertEquals("must be true or false", refused(TEST, "enabled", "yes", SettingRule.TYPE).problem());
        assertEquals("must be a finite decimal number", refused(TEST, "ratio", "NaN", SettingRule.TYPE).problem());
        assertEquals("must be exactly one character", refused(TEST, "letter", "ab", SettingRule.TYPE).problem());
        refused(TEST, "note", "two\nlines", SettingRule.TYPE);
        refused(POLICY, "decisionCacheSize", "3000000000", SettingRule.TYPE);
    }

    @Test
    void aValueBelowTheMinimumIsRefused() {
        assertEquals("org.fcredirect.policy decisionCacheSize '-1': min: must be at least 0",
                refused(POLICY, "decisionCacheSize", "-1", SettingRule.MIN).message());
        assertEquals("must be at least 1 characters", refused(TEST, "name", "", SettingRule.MIN).problem());
        refused(TEST, "ratio", "-0.1", SettingRule.MIN);
    }

    @Test
    void aValueAboveTheMaximumIsRefused() {
        assertEquals("org.fcredirect.policy decisionCacheSize '10000001': max: must be at most 10000000",
                refused(POLICY, "decisionCacheSize", "10000001", SettingRule.MAX).message());
        refused(TEST, "name", "toolongname", SettingRule.MAX);
        refused(TEST, "ratio", "1.5", SettingRule.MAX);
        refused(TEST, "letter", "z", SettingRule.MAX);
    }

    @Test
    void aValueNotAmongTheOptionsIsRefused() {
        assertEquals("org.fcredirect.policy defaultAction 'redirect': options: must be one of permit, drop",
                refused(POLICY, "defaultAction", "redirect", SettingRule.OPTIONS).message());
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKnownOnes() {
        assertEquals("org.fcredirect.policy decisionCacheSise '5': unknown-key: not a setting of org.fcredirect.policy;"
                + " its settings are decisionCacheSize, defaultAction",
                refused(POLICY, "decisionCacheSise", "5", SettingRule.UNKNOWN_KEY).message());
    }

    @Test
    void anUnknownPidIsRefusedAndForeignBundlesAreNotFcrServices() {
        refused("org.fcredirect.nope", "workers", "4", SettingRule.UNKNOWN_PID);
        refused("org.apache.other", "x", "z", SettingRule.UNKNOWN_PID);
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> f.config.service("org.fcredirect.nope"));
        assertTrue(e.getMessage().startsWith("org.fcredirect.nope: unknown-pid: "), e.getMessage());
        assertEquals(List.of(Fixture.FASTPATH, POLICY, TEST),
                f.config.services().stream().map(s -> s.pid()).toList());
    }

    @Test
    void aRequiredSettingWithoutDefaultCannotBeReset() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> f.config.stageDefault(TEST, "name"));
        assertEquals("org.fcredirect.test name '': required: is required and has no default to go back to",
                e.getMessage());
        f.config.stageDefault(TEST, "ratio");
    }

    @Test
    void aCommitLeavingARequiredSettingUnsetIsRefusedAsAWhole() {
        Fixture unnamed = new Fixture(dir.resolve("unnamed"), false);
        unnamed.config.begin("bob");
        unnamed.config.stage(TEST, "ratio", "0.7");
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> unnamed.config.commit(""));
        assertEquals(SettingRule.REQUIRED, e.errors().get(0).rule());
        assertEquals("name", e.errors().get(0).key());
        assertTrue(unnamed.admin.updates.isEmpty());
    }

    @Test
    void moreValuesThanTheSettingTakesAreRefused() {
        assertEquals("takes at most 3 values, not 4",
                refused(TEST, "tags", "a, b, c, d", SettingRule.CARDINALITY).problem());
    }

    @Test
    void passwordsAreNotManaged() {
        assertTrue(refused(TEST, "secret", "hunter2", SettingRule.TYPE).problem().contains("password"));
    }

    @Test
    void acceptedValuesAreStagedAndStoredInCanonicalForm() {
        f.config.stage(POLICY, "decisionCacheSize", " +05 ");
        f.config.stage(TEST, "enabled", "TRUE");
        f.config.stage(TEST, "ratio", "0.50");
        f.config.stage(TEST, "tags", " x , y\\,z ");
        assertEquals(List.of(new StagedChange(POLICY, "decisionCacheSize", Optional.of("5")),
                new StagedChange(TEST, "enabled", Optional.of("true")),
                new StagedChange(TEST, "ratio", Optional.of("0.5")),
                new StagedChange(TEST, "tags", Optional.of("x, y\\,z"))), f.config.session().orElseThrow().changes());
        f.config.commit("canonical");
        assertEquals("5", f.admin.properties(POLICY).get("decisionCacheSize"));
        assertArrayEquals(new String[] {"x", "y,z"}, (String[]) f.admin.properties(TEST).get("tags"));
        assertEquals("x, y\\,z", f.config.service(TEST).setting("tags").orElseThrow().value());
    }
}
