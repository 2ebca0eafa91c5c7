package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FcIdTest {

    @Test
    void printsTheCliAndWiresharkForms() {
        FcId id = FcId.of(0x0A0B0C);
        assertEquals("0x0a0b0c", id.toString());
        assertEquals("0a.0b.0c", id.dotted());
        assertEquals("0x000000", FcId.format(0));
        assertEquals("0xffffff", FcId.format(-1), "format keeps only the low 24 bits of a raw value");
    }

    @Test
    void wellKnownAddresses() {
        assertEquals(0xFFFFFC, FcId.NAME_SERVER.value());
        assertEquals(0xFFFFFD, FcId.FABRIC_CONTROLLER.value());
        assertEquals(0xFFFFFE, FcId.F_PORT_LOGIN.value());
        assertEquals(0xFFFFFF, FcId.BROADCAST.value());
        assertEquals(0xFFFFFA, FcId.MANAGEMENT_SERVER.value());
        assertEquals(0xFFFFFB, FcId.TIME_SERVER.value());
        assertEquals(0xFFFFF8, FcId.ALIAS_SERVER.value());
        assertEquals(FcId.NAME_SERVER, FcId.parse("FFFFFC"));
        assertEquals(FcId.FABRIC_CONTROLLER, FcId.parse("ff.ff.fd"));
        assertEquals(FcId.F_PORT_LOGIN, FcId.parse("0xfffffe"));
        for (FcId id : List.of(FcId.MULTICAST_SERVER, FcId.CLOCK_SYNC_SERVER, FcId.KEY_DISTRIBUTION_SERVER,
                FcId.ALIAS_SERVER, FcId.MANAGEMENT_SERVER, FcId.TIME_SERVER, FcId.NAME_SERVER,
                FcId.FABRIC_CONTROLLER, FcId.F_PORT_LOGIN, FcId.BROADCAST)) {
            assertTrue(id.isWellKnown(), id::toString);
            assertFalse(id.isNPort(), id::toString);
            assertFalse(id.isDomainController(), id::toString);
        }
    }

    @Test
    void wellKnownRangeStartsAtFffff0() {
        assertTrue(FcId.of(0xFFFFF0).isWellKnown());
        assertFalse(FcId.of(0xFFFFEF).isWellKnown());
    }

    @Test
    void domainControllersForEveryDomain() {
        for (int domain = 1; domain <= 239; domain++) {
            FcId dc = FcId.domainController(domain);
            assertEquals(0xFFFC00 + domain, dc.value());
            assertEquals(dc, FcId.parse(String.format("fffc%02x", domain)));
            assertTrue(dc.isDomainController(), dc::toString);
            assertFalse(dc.isWellKnown(), dc::toString);
            assertFalse(dc.isNPort(), dc::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFC00, 0xFFFCF0, 0xFFFCFF, 0xFFFD01, 0xFEFC01, 0x01FC01})
    void notDomainControllers(int v) {
        assertFalse(FcId.of(v).isDomainController());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 240, -1, 255, 256})
    void domainControllerRejectsDomainsOutside1To239(int domain) {
        rejects(() -> FcId.domainController(domain), Integer.toString(domain), "domain", "must be 1..239");
    }

    @Test
    void nPortDomains() {
        assertTrue(FcId.of(0x010000).isNPort());
        assertTrue(FcId.of(0xEFFFFF).isNPort());
        assertFalse(FcId.of(0x00FFFF).isNPort());
        assertFalse(FcId.of(0xF00000).isNPort());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 0x1000000, Integer.MAX_VALUE})
    void ofRejectsValuesWiderThan24Bits(int v) {
        rejects(() -> FcId.of(v), "0x" + Integer.toHexString(v), "FCID", "does not fit in 24 bits");
    }

    @Test
    void ofRejectsComponentsOutsideAByte() {
        rejects(() -> FcId.of(256, 0, 0), "256", "domain", "must be 0..255");
        rejects(() -> FcId.of(0, -1, 0), "-1", "area", "must be 0..255");
        rejects(() -> FcId.of(0, 0, 0x1FF), "511", "port", "must be 0..255");
    }

    @Test
    void parseRejectsNull() {
        rejects(() -> FcId.parse(null), "null", "FCID", "is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                | expected six hex digits, got 0
            "   "             | expected six hex digits, got 0
            0x                | expected six hex digits, got 0
            01020             | expected six hex digits, got 5
            0x01020           | expected six hex digits, got 5
            0102030           | expected six hex digits, got 7
            1000000           | expected six hex digits, got 7
            0x1000000         | expected six hex digits, got 7
            "01 02 03"        | expected six hex digits, got 8
            01:02:03          | expected six hex digits, got 8
            01-02-03          | expected six hex digits, got 8
            0x0x0102          | 'x' is not a hex digit
            01020g            | 'g' is not a hex digit
            0x01020G          | 'G' is not a hex digit
            -10203            | '-' is not a hex digit
            +10203            | '+' is not a hex digit
            "010 03"          | ' ' is not a hex digit
            ０１０２０３        | '０' is not a hex digit
            01.02.0304        | each dotted part must be one or two hex digits
            001.02.03         | each dotted part must be one or two hex digits
            0x01.02.03        | each dotted part must be one or two hex digits
            01..03            | each dotted part must be one or two hex digits
            01.02.            | each dotted part must be one or two hex digits
            .01.02            | each dotted part must be one or two hex digits
            01.02             | dotted form needs exactly three parts
            01.02.03.04       | dotted form needs exactly three parts
            010203.           | dotted form needs exactly three parts
            01.0g.03          | 'g' is not a hex digit
            "01. 2.03"        | ' ' is not a hex digit
            01.-2.03          | '-' is not a hex digit
            """)
    void parseRejectsMalformedText(String text, String problem) {
        rejects(() -> FcId.parse(text), text, "FCID", problem);
    }
}
