package org.fcredirect.policy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.fc.Wwn;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Prefix patterns against every kind of name. */
class WwnPatternPropertiesTest {

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> prefixes = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(0).ofMaxLength(14)
                .flatMap(rest -> Arbitraries.of("1", "2", "5", "c").map(naa -> naa + rest + "*"));
        return Arbitraries.oneOf(prefixes, Arbitraries.just("*"));
    }

    @Provide
    Arbitrary<Long> wwns() {
        return Arbitraries.longs().filter(v -> Wwn.Naa.ofCode((int) (v >>> 60)) != null);
    }

    @Property
    void aNameBothPatternsMatchMeansTheyOverlap(@ForAll("patterns") String a, @ForAll("patterns") String b,
            @ForAll("wwns") long name) {
        WwnPattern pa = WwnPattern.parse("a", a);
        WwnPattern pb = WwnPattern.parse("b", b);
        Wwn w = Wwn.of(name);
        if (pa.matches(w) && pb.matches(w)) {
            assertTrue(pa.overlaps(pb));
        }
        assertEquals(pa.overlaps(pb), pb.overlaps(pa));
    }

    @Property
    void aPrefixMatchesExactlyTheNamesThatStartWithIt(@ForAll("patterns") String p, @ForAll("wwns") long name) {
        String digits = String.format("%016x", name);
        String prefix = p.substring(0, p.length() - 1);
        assertEquals(digits.startsWith(prefix), WwnPattern.parse("p", p).matches(Wwn.of(name)));
        assertEquals(WwnPattern.parse("p", p), WwnPattern.parse("p", WwnPattern.parse("p", p).toString()));
    }
}
