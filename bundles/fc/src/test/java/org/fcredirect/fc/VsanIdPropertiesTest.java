package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class VsanIdPropertiesTest {

    @Property(tries = 1000)
    void roundTripsThroughText(@ForAll @IntRange(min = VsanId.MIN, max = VsanId.MAX) int v) {
        VsanId vsan = VsanId.of(v);
        assertEquals(v, vsan.value());
        assertEquals(Integer.toString(v), vsan.toString());
        assertEquals(vsan, VsanId.parse(vsan.toString()));
        assertEquals(vsan, VsanId.parse(" " + v + "\t"));
        assertEquals(vsan, VsanId.parse(String.format("%04d", v)));
        assertEquals(vsan.hashCode(), VsanId.parse(vsan.toString()).hashCode());
    }

    @Provide
    Arbitrary<Integer> outOfRange() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().greaterOrEqual(4095));
    }

    @Property(tries = 500)
    void ofRejectsEverythingOutside1To4094(@ForAll("outOfRange") int v) {
        rejects(() -> VsanId.of(v), Integer.toString(v), "VSAN", "must be 1..4094");
    }
}
