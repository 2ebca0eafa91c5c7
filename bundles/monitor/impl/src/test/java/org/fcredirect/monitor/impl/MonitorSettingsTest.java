package org.fcredirect.monitor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fcredirect.flow.testkit.SettingsProxy;
import org.junit.jupiter.api.Test;

/** The monitor's configuration: ranges enforced with a message naming the key, and the timeout capped. */
class MonitorSettingsTest {

    private static MonitorConfig config(long interval, long timeout, int heartbeatsMissed) {
        return SettingsProxy.of(MonitorConfig.class).with("checkIntervalMs", interval).with("checkTimeoutMs", timeout)
                .with("checkThreshold", 3).with("checkWorkers", 4).with("heartbeatIntervalMs", 1000L)
                .with("missedHeartbeats", heartbeatsMissed).with("failbackOnRecovery", true)
                .with("storageProbeSeconds", 300).build();
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
