package org.fcredirect.monitor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

/** The monitor's configuration: ranges enforced with a message naming the key, and the timeout capped. */
class MonitorSettingsTest {

    private static MonitorConfig config(long interval, long timeout, int heartbeatsMissed) {
        return new MonitorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MonitorConfig.class;
            }

            @Override
            public long checkIntervalMs() {
                return interval;
            }

            @Override
            public long checkTimeoutMs() {
                return timeout;
            }

            @Override
            public int checkThreshold() {
                return 3;
            }

            @Override
            public int checkWorkers() {
                return 4;
            }

            @Override
            public long heartbeatIntervalMs() {
                return 1000;
            }

            @Override
            public int missedHeartbeats() {
                return heartbeatsMissed;
            }

            @Override
            public boolean failbackOnRecovery() {
                return true;
            }

            @Override
            public int storageProbeSeconds() {
                return 300;
            }
        };
    }

    @Test
    void theTimeoutIsCappedAtTheInterval() {
        MonitorSettings s = MonitorSettings.from(config(1000, 5000, 3));
        assertEquals(1000, s.checkDefaults().timeout().toMillis());
        assertEquals(3000, s.appliances().detection().toMillis());
        assertEquals(250, s.applianceTick().toMillis());
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheKeyTheValueAndTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonitorSettings.from(config(5, 1, 3)));
        assertEquals("checkIntervalMs '5': must be 10..86400000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MonitorSettings.from(config(1000, 500, 0)));
        assertEquals("missedHeartbeats '0': must be 1..1000", e.getMessage());
    }
}
