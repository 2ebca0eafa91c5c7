package org.fcredirect.stats.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsSettingsTest {

    @Test
    void refusesOutOfRangeValuesNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StatsSettings(0, 100, 3600, 1440, 1_000_000, 128, 256, 300));
        assertTrue(e.getMessage().contains("batchSize=0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StatsSettings(1000, 100, 59, 1440, 1_000_000, 128, 256, 300));
        assertThrows(IllegalArgumentException.class, () -> new StatsSettings(1000, 100, 3600, 1440, 0, 128, 256, 300));
        assertThrows(IllegalArgumentException.class, () -> new StatsSettings(1000, 0, 3600, 1440, 10, 128, 256, 300));
        assertThrows(IllegalArgumentException.class, () -> new StatsSettings(1000, 100, 3600, 1440, 10, -1, 256, 300));
    }

    @Test
    void tellsLiveSettingsFromShapeSettings() {
        StatsSettings base = new StatsSettings(1000, 100, 3600, 1440, 1_000_000, 128, 256, 300);
        assertTrue(base.sameShape(new StatsSettings(10, 5, 3600, 1440, 1_000_000, 128, 256, 1)));
        assertFalse(base.sameShape(new StatsSettings(1000, 100, 600, 1440, 1_000_000, 128, 256, 300)));
        assertEquals(1000, base.batchSize());
    }
}
