package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class FcIdPropertiesTest {

    @Property(tries = 1000)
    void everyTextualFormParsesBackToTheSameAddress(@ForAll @IntRange(min = 0, max = FcId.MAX) int v) {
        FcId id = FcId.of(v);
        int d = v >>> 16;
        int a = v >>> 8 & 0xFF;
        int p = v & 0xFF;
        List<String> forms = List.of(
                id.toString(),
                FcId.format(v),
                String.format("0X%06X", v),
                String.format("0x%06X", v),
                String.format("%06x", v),
                String.format("%06X", v),
                id.dotted(),
                id.dotted().toUpperCase(),
                String.format("%x.%x.%x", d, a, p),
                " \t" + id + "\n");
        for (String form : forms) {
            assertEquals(id, FcId.parse(form), form);
        }
        assertEquals(v, id.value());
        assertEquals(id, FcId.of(d, a, p));
        assertEquals(d, id.domain());
        assertEquals(a, id.area());
        assertEquals(p, id.port());
    }

    @Property(tries = 1000)
    void classificationFollowsTheAddressRanges(@ForAll @IntRange(min = 0, max = FcId.MAX) int v) {
        FcId id = FcId.of(v);
        int domain = v >>> 16;
        assertEquals(domain >= 1 && domain <= 239, id.isNPort());
        assertEquals(v >= 0xFFFFF0, id.isWellKnown());
        assertEquals(v >>> 8 == 0xFFFC && (v & 0xFF) >= 1 && (v & 0xFF) <= 239, id.isDomainController());
        if (id.isDomainController() || id.isWellKnown()) {
            assertFalse(id.isNPort(), "a fabric address is never an N_Port");
        }
    }

    @Property(tries = 500)
    void orderEqualityAndHashFollowTheValue(@ForAll @IntRange(min = 0, max = FcId.MAX) int a,
                                            @ForAll @IntRange(min = 0, max = FcId.MAX) int b) {
        FcId x = FcId.of(a);
        FcId y = FcId.of(b);
        assertEquals(Integer.signum(Integer.compare(a, b)), Integer.signum(x.compareTo(y)));
        assertEquals(a == b, x.equals(y));
        if (a == b) {
            assertEquals(x.hashCode(), y.hashCode());
        }
    }
}
