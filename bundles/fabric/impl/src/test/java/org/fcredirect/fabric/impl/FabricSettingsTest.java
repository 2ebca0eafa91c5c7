package org.fcredirect.fabric.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class FabricSettingsTest {

    static FabricConfig config(long interval, int missed, String host) {
        return new FabricConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FabricConfig.class;
            }

            @Override
            public long heartbeatIntervalMillis() {
                return interval;
            }

            @Override
            public int missedHeartbeats() {
                return missed;
            }

            @Override
            public String advertisedHost() {
                return host;
            }
        };
    }

    @Test
    void acceptsTheDefaultsAndTrimsTheHost() {
        FabricSettings s = FabricSettings.from(config(2000, 3, " 10.0.0.1 "));
        assertEquals(6000, s.timeoutMillis());
        assertEquals("10.0.0.1", s.advertisedHost());
    }

    @Test
    void refusesOutOfRangeOrMalformedSettings() {
        assertRefused(config(99, 3, ""), "heartbeatIntervalMillis");
        assertRefused(config(60_001, 3, ""), "heartbeatIntervalMillis");
        assertRefused(config(1000, 0, ""), "missedHeartbeats");
        assertRefused(config(1000, 101, ""), "missedHeartbeats");
        assertRefused(config(1000, 3, "host name"), "advertisedHost");
        assertRefused(config(1000, 3, "h/1"), "advertisedHost");
    }

    private static void assertRefused(FabricConfig c, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FabricSettings.from(c));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
}
