package org.fcredirect.shell.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.fcredirect.shell.CapturedStdout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the commands print, captured per test, and the fixed time the tests run at. */
abstract class CommandOutput {
    static final Instant NOW = Instant.parse("2024-05-01T10:20:00.400Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final FakeStatsService stats = new FakeStatsService();
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    String printed() {
        return stdout.printed();
    }
}
