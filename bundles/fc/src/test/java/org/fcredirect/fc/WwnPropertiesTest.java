package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WwnPropertiesTest {
    private static final long LOW_60_BITS = 0x0FFF_FFFF_FFFF_FFFFL;

    @Provide
    Arbitrary<Long> definedNaa() {
        return Combinators.combine(Arbitraries.of(Wwn.Naa.class), Arbitraries.longs())
                .as((naa, low) -> (long) naa.code() << 60 | low & LOW_60_BITS);
    }

    @Provide
    Arbitrary<Long> reservedNaa() {
        return Combinators.combine(Arbitraries.of(0, 7, 8, 9, 10, 11), Arbitraries.longs())
                .as((code, low) -> (long) code << 60 | low & LOW_60_BITS);
    }

    @Property(tries = 1000)
    void everyTextualFormParsesBackToTheSameName(@ForAll("definedNaa") long v) {
        Wwn wwn = Wwn.of(v);
        String canonical = wwn.toString();
        String noColons = canonical.replace(":", "");
        assertEquals(Wwn.format(v), canonical);
        assertTrue(canonical.matches("([0-9a-f]{2}:){7}[0-9a-f]{2}"), canonical);
        for (String form : new String[] {canonical, canonical.toUpperCase(Locale.ROOT), noColons,
                noColons.toUpperCase(Locale.ROOT), "  " + canonical + "\t"}) {
            Wwn parsed = Wwn.parse(form);
            assertEquals(wwn, parsed, form);
            assertEquals(v, parsed.value(), form);
        }
        assertEquals(v >>> 60, wwn.naa().code());
    }

    @Property(tries = 500)
    void reservedNaaTypesAreRejected(@ForAll("reservedNaa") long v) {
        String text = Wwn.format(v);
        String problem = "NAA type " + (v >>> 60) + " is reserved";
        rejects(() -> Wwn.of(v), text, "WWN", problem);
        rejects(() -> Wwn.parse(text), text, "WWN", problem);
        rejects(() -> Wwn.parse(text.replace(":", "")), text.replace(":", ""), "WWN", problem);
    }

    @Property(tries = 500)
    void orderIsUnsigned(@ForAll("definedNaa") long a, @ForAll("definedNaa") long b) {
        assertEquals(Integer.signum(Long.compareUnsigned(a, b)), Integer.signum(Wwn.of(a).compareTo(Wwn.of(b))));
        assertEquals(a == b, Wwn.of(a).equals(Wwn.of(b)));
    }
}
