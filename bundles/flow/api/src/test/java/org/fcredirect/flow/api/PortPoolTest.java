package org.fcredirect.flow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PortPoolTest {

    @Test
    void parsesItsTextFormAndNamesEachAddress() {
        PortPool p = PortPool.parse("10/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00");
        assertEquals(VsanId.of(10), p.vsan());
        assertEquals(256, p.size());
        assertEquals(FcId.of(0x0b0102), p.fcid(2));
        assertEquals(Wwn.of(0x5000_5300_0b01_0002L), p.pwwn(2));
        assertEquals(p, PortPool.parse(p.toString()));
        assertTrue(p.containsFcid(0x0b01ff));
        assertFalse(p.containsFcid(0x0b0200));
        assertThrows(IndexOutOfBoundsException.class, () -> p.fcid(256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10/0x0b0100-0x0b01ff", "10/0x0b0100/50:00:53:00:0b:01:00:00",
            "x/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00", "10/0x0b01ff-0x0b0100/50:00:53:00:0b:01:00:00",
            "10/0x0b0100-0x0c0100/50:00:53:00:0b:01:00:00", "10/0xff0100-0xff01ff/50:00:53:00:0b:01:00:00",
            "10/0x0b0100-0x0b01ff/zz", "10/0x0b0100-0x0b01ff/ff:ff:ff:ff:ff:ff:ff:f0", "10/0x0b0100-0x0b01ff-0x0b0200/50:00:53:00:0b:01:00:00"})
    void refusesMalformedPools(String text) {
        assertThrows(ValidationException.class, () -> PortPool.parse(text));
    }

    @Test
    void overlapsByFcidOrPwwnInOneVsanOnly() {
        PortPool a = PortPool.parse("10/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00");
        assertTrue(a.overlaps(PortPool.parse("10/0x0b01f0-0x0b02ff/50:00:53:00:0c:01:00:00")));
        assertTrue(a.overlaps(PortPool.parse("10/0x0c0100-0x0c01ff/50:00:53:00:0b:01:00:ff")));
        assertFalse(a.overlaps(PortPool.parse("11/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00")));
        assertFalse(a.overlaps(PortPool.parse("10/0x0b0200-0x0b02ff/50:00:53:00:0b:01:01:00")));
    }

    @Test
    void aSpecTakesAPoolOrFixedPortsPerVsanNotBoth() {
        PortPool p = PortPool.parse("10/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00");
        ApplianceSpec.Builder b = ApplianceSpec.builder("a").pool(p);
        assertThrows(ValidationException.class, () -> b.pool(p));
        assertThrows(ValidationException.class, () -> b.ports(VirtualPorts.parse(
                "10,50:00:00:00:00:00:00:01,0x030001,50:00:00:00:00:00:00:02,0x030002")));
        ApplianceSpec spec = b.build();
        assertTrue(spec.serves(VsanId.of(10)));
        assertFalse(spec.serves(VsanId.of(11)));
    }
}
