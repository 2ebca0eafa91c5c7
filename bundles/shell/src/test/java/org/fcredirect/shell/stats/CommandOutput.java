package org.fcredirect.shell.stats;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the commands print, captured per test, and the fixed time the tests run at. */
abstract class CommandOutput {
    static final Instant NOW = Instant.parse("2024-05-01T10:20:00.400Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final FakeStatsService stats = new FakeStatsService();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureStdout() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(stdout);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
