package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fcredirect.flow.testkit.SettingsProxy;
import org.junit.jupiter.api.Test;

class ConsoleLimitsTest {

    private static WebConsoleConfig config(int idle, String roles, String origins) {
        return SettingsProxy.of(WebConsoleConfig.class)
                .with("sessionIdleSeconds", idle).with("roles", roles).with("origins", origins).build();
    }

    @Test
    void settingsAreReadWithTheirUnits() {
        ConsoleLimits l = ConsoleLimits.of(config(900, " viewer , admin,", ""));
        assertEquals(Duration.ofMinutes(15), l.sessionIdle());
        assertEquals(Duration.ofHours(8), l.sessionMax());
        assertEquals(Duration.ofMillis(500), l.failedLoginFloor());
        assertEquals(Set.of("viewer", "admin"), l.roles());
        assertEquals(List.of(), l.origins());
    }

    @Test
    void outOfRangeOrEmptySettingsAreRefused() {
        assertEquals("sessionIdleSeconds = 5: must be 60..86400",
                assertThrows(IllegalArgumentException.class, () -> ConsoleLimits.of(config(5, "viewer", ""))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleLimits.of(config(900, " , ", "")));
    }

    @Test
    void listsAreCommaSeparated() {
        assertEquals(List.of("http://127.0.0.1:9181", "http://localhost:9181"), ConsoleLimits.items("http://127.0.0.1:9181, http://localhost:9181,,"));
    }
}
