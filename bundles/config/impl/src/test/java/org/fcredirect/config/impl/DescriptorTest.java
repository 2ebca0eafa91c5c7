package org.fcredirect.config.impl;

import static org.fcredirect.config.impl.Fixture.FASTPATH;
import static org.fcredirect.config.impl.Fixture.POLICY;
import static org.fcredirect.config.impl.Fixture.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.ConfigImportException;
import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.api.ImportError;
import org.fcredirect.config.api.ImportResult;
import org.fcredirect.config.api.VersionOrigin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole configuration as one descriptor: export, import, and every fault an import reports. */
class DescriptorTest {
    @TempDir
    Path dir;
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(dir);
    }

    private String export() throws IOException {
        StringWriter out = new StringWriter();
        f.config.export(out);
        return out.toString();
    }

    private ImportResult importText(String text) throws IOException {
        return f.config.importFrom(new StringReader(text), "dave");
    }

    private List<String> faults(String text) {
        ConfigImportException e = assertThrows(ConfigImportException.class, () -> importText(text));
        assertTrue(f.admin.updates.isEmpty(), "nothing applied");
        assertTrue(f.log.events().isEmpty(), "nothing stored");
        return e.errors().stream().map(ImportError::message).toList();
    }

    @Test
    void aLineLongerThanTheCapIsRefusedNamingIt() throws IOException {
        String text = export() + "org.fcredirect.policy/decisionCacheSize = " + "9".repeat(DescriptorReader.MAX_LINE_CHARS) + "\n";
        int line = (int) text.lines().count();
        assertEquals(List.of("line " + line + ", input: longer than " + DescriptorReader.MAX_LINE_CHARS
                + " characters, the most a line may hold"), faults(text));
    }

    @Test
    void anInputPastTheSizeCapIsRefused() throws IOException {
        String comments = "# a comment line of forty characters...\n".repeat((int) (DescriptorReader.MAX_CHARS / 40) + 1);
        List<String> faults = faults(export() + comments);
        assertEquals(1, faults.size(), faults.toString());
        assertTrue(faults.get(0).contains("input: the input goes past " + DescriptorReader.MAX_CHARS + " characters"),
                faults.toString());
    }

    @Test
    void theExportHoldsTheFeaturesAndEverySettingInEffectUnderItsRule() throws IOException {
        f.admin.preset(POLICY, Map.of("decisionCacheSize", "500"));
        String text = export();
        assertTrue(text.startsWith("# fc-redirect configuration descriptor\n"
                + "# exported 2026-01-01T00:00:00Z at configuration version 0\n"
                + "fcr-config 1\n\n[features]\nfcr = 1.0.0\nfcr-policy = 1.0.0\n\n[org.fcredirect.fastpath]\n"), text);
        assertTrue(text.contains("[org.fcredirect.policy]\n# fc-redirect policy engine\n"
                + "# decisionCacheSize name: integer 0..10000000\ndecisionCacheSize = 500\n"
                + "# defaultAction name: string, one of permit, drop\ndefaultAction = permit\n"), text);
        assertTrue(text.contains("# tags name: string, up to 3 comma-separated values\ntags = a\n"), text);
        assertTrue(text.contains("# secret: a password, not exported\n"), text);
        assertFalse(text.contains("org.apache.other"));
    }

    @Test
    void importingAnExportRestoresItsSettingsAsOneVersion() throws IOException {
        String saved = export();
        f.config.begin("alice");
        f.config.stage(FASTPATH, "workers", "8");
        f.config.stage(POLICY, "defaultAction", "drop");
        f.config.commit("");

        ImportResult r = importText(saved);
        assertEquals(VersionOrigin.IMPORT, r.version().orElseThrow().origin());
        assertEquals("dave", r.version().orElseThrow().owner());
        assertEquals("2", f.admin.properties(FASTPATH).get("workers"));
        assertEquals("permit", f.admin.properties(POLICY).get("defaultAction"));
        assertTrue(r.featuresNotInstalled().isEmpty());
        assertTrue(r.featuresChecked());
        assertTrue(importText(saved).version().isEmpty(), "the settings match: no new version");
    }

    @Test
    void settingsAndServicesNotListedKeepTheirValues() throws IOException {
        f.admin.preset(POLICY, Map.of("defaultAction", "drop"));
        ImportResult r = importText("fcr-config 1\n[org.fcredirect.fastpath]\nworkers = 6\n[features]\nfcr-stats = 1.0.0\n");
        assertEquals(1, r.version().orElseThrow().changes().size());
        assertEquals("6", f.admin.properties(FASTPATH).get("workers"));
        assertEquals("drop", f.admin.properties(POLICY).get("defaultAction"));
        assertEquals(List.of(new FeatureRef("fcr-stats", "1.0.0")), r.featuresNotInstalled());
    }

    @Test
    void everyFaultIsReportedWithItsLineAndFieldAndNothingIsApplied() {
        String text = String.join("\n",
                "# saved by hand",                   // 1
                "fcr-config 1",                      // 2
                "[features]",                        // 3
                "fcr-nope = 9.9",                    // 4
                "[org.fcredirect.fastpath]",         // 5
                "workers = 8",                       // 6
                "[org.fcredirect.policy]",           // 7
                "decisionCacheSize = -1",            // 8
                "cacheSize = 5",                     // 9
                "defaultAction",                     // 10
                "decisionCacheSize = 7",             // 11
                "[org.fcredirect.nope]",             // 12
                "x = 1",                             // 13
                "[org.fcredirect.test]",             // 14
                "ratio = half",                      // 15
                "[org.fcredirect.policy]",           // 16
                "");
        f.admin.preset(TEST, Map.of());
        assertEquals(List.of(
                "line 4, features/fcr-nope: no feature repository offers version 9.9",
                "line 8, org.fcredirect.policy/decisionCacheSize: '-1': min: must be at least 0",
                "line 9, org.fcredirect.policy/cacheSize: '5': unknown-key: not a setting of org.fcredirect.policy;"
                        + " its settings are decisionCacheSize, defaultAction",
                "line 10, org.fcredirect.policy: expected 'key = value', found 'defaultAction'",
                "line 11, org.fcredirect.policy/decisionCacheSize: given twice in its section",
                "line 12, org.fcredirect.nope: unknown-pid: no fc-redirect service has settings under this PID"
                        + " (is its feature installed?)",
                "line 14, org.fcredirect.test/name: required: is required, has no default and is not set",
                "line 15, org.fcredirect.test/ratio: 'half': type: must be a finite decimal number",
                "line 16, org.fcredirect.policy: section given twice"), faults(text));
    }

    @Test
    void aFileWithoutTheFormatLineIsRefusedAtOnce() {
        assertEquals(List.of("line 2, header: expected 'fcr-config 1' as the first line, found '[org.fcredirect.policy]'"),
                faults("# no header\n[org.fcredirect.policy]\ndecisionCacheSize = 5\n"));
        assertEquals(List.of("line 1, header: the file is empty: expected 'fcr-config 1'"), faults(""));
        assertEquals(List.of("line 2, workers: outside a section: put it under [features] or [PID]"),
                faults("fcr-config 1\nworkers = 4\n"));
    }

    @Test
    void withoutKarafsFeatureServiceTheFeaturesAreNotChecked() throws IOException {
        f.config.features = null;
        ImportResult r = importText("fcr-config 1\n[features]\nfcr-nope = 9.9\n");
        assertFalse(r.featuresChecked());
        assertTrue(r.version().isEmpty());
        assertTrue(export().contains("[features]\n\n"));
    }

    @Test
    void anImportDuringASessionIsRefused() {
        f.config.begin("alice");
        assertThrows(ConfigException.class, () -> importText("fcr-config 1\n"));
    }
}
