package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsTimesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:20:00Z");

    @Test
    void readsNowAndTimesAgo() {
        assertEquals(NOW, StatsTimes.parse("--to", " NOW ", NOW));
        assertEquals(NOW.minusSeconds(90), StatsTimes.parse("--from", "-90s", NOW));
        assertEquals(NOW.minus(Duration.ofMinutes(15)), StatsTimes.parse("--from", "-15m", NOW));
        assertEquals(NOW.minus(Duration.ofHours(1)), StatsTimes.parse("--from", "-1h", NOW));
        assertEquals(NOW.minus(Duration.ofDays(2)), StatsTimes.parse("--from", "-2d", NOW));
    }

    @Test
    void readsIsoInstantsInUtcOrWithAnOffset() {
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), StatsTimes.parse("--from", "2024-05-01T08:00:00Z", NOW));
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), StatsTimes.parse("--from", "2024-05-01T10:00:00+02:00", NOW));
    }

    @Test
    void refusesAnythingElseNamingTheOption() {
        for (String bad : new String[] {"", "15m", "-15x", "-1.5h", "-9999999999d", "2024-05-01 10:00", "2024-05-01T10:00:00"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> StatsTimes.parse("--from", bad, NOW)).getMessage();
            assertTrue(message.startsWith("--from '" + bad + "': not a time;"), message);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StatsTimes.parse("--to", null, NOW)).getMessage()
                .startsWith("--to 'null'"));
    }
}
