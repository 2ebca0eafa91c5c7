package org.fcredirect.fc.fcp;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LunTest {

    @Test
    void smallNumbersUsePeripheralAddressing() {
        assertEquals(0L, Lun.of(0));
        assertEquals(0x00FF_0000_0000_0000L, Lun.of(255));
    }

    @Test
    void largerNumbersUseFlatAddressing() {
        assertEquals(0x4100_0000_0000_0000L, Lun.of(256));
        assertEquals(0x7FFF_0000_0000_0000L, Lun.of(Lun.MAX_NUMBER));
        assertEquals(5, Lun.number(0x4005_0000_0000_0000L));
    }

    @Property(tries = 200)
    void numbersRoundTrip(@ForAll @IntRange(min = 0, max = Lun.MAX_NUMBER) int n) {
        assertEquals(n, Lun.number(Lun.of(n)));
    }

    @Test
    void rejectsWhatHasNoSingleNumber() {
        rejects(() -> Lun.of(Lun.MAX_NUMBER + 1), "LUN number '16384'", "0..16383");
        rejects(() -> Lun.of(-1), "LUN number '-1'");
        rejects(() -> Lun.number(0x0005_0001_0000_0000L), "'0005-0001-0000-0000'", "more than one level");
        rejects(() -> Lun.number(0x0105_0000_0000_0000L), "'0105-0000-0000-0000'", "bus 1");
        rejects(() -> Lun.number(0x8005_0000_0000_0000L), "addressing method 2");
    }

    @Test
    void formatsInFourGroups() {
        assertEquals("0005-0000-0000-0000", Lun.format(Lun.of(5)));
    }
}
