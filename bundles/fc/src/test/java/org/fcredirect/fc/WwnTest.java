package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WwnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            20:00:00:25:b5:00:00:01 | IEEE_EXTENDED            | 0x0025b5
            21:00:00:24:ff:12:34:56 | IEEE_EXTENDED            | 0x0024ff
            10:00:00:00:c9:12:34:56 | IEEE                     | 0x0000c9
            50:06:01:60:3b:a0:01:02 | IEEE_REGISTERED          | 0x006016
            50:00:09:72:08:1b:2d:01 | IEEE_REGISTERED          | 0x000097
            50:0a:09:80:00:11:22:33 | IEEE_REGISTERED          | 0x00a098
            60:06:01:60:3b:a0:01:02 | IEEE_REGISTERED_EXTENDED | 0x006016
            30:00:00:00:00:00:00:01 | LOCALLY_ASSIGNED         | -1
            40:00:00:00:c0:a8:00:01 | IP                       | -1
            c0:00:00:00:00:00:00:01 | ITU_T                    | -1
            """)
    void naaAndOuiOfRealLookingNames(String text, Wwn.Naa naa, String oui) {
        Wwn wwn = Wwn.parse(text);
        assertEquals(naa, wwn.naa());
        assertEquals(Integer.decode(oui).intValue(), wwn.oui());
        assertEquals(text, wwn.toString());
    }

    @Test
    void naaCodes() {
        for (Wwn.Naa naa : Wwn.Naa.values()) {
            assertEquals(naa, Wwn.Naa.ofCode(naa.code()));
        }
        for (int reserved : new int[] {0, 7, 8, 9, 10, 11, 16, -1}) {
            assertNull(Wwn.Naa.ofCode(reserved), () -> "code " + reserved);
        }
    }

    @Test
    void ofRejectsAnAllZeroName() {
        rejects(() -> Wwn.of(0), "00:00:00:00:00:00:00:00", "WWN", "NAA type 0 is reserved");
    }

    @Test
    void parseRejectsNull() {
        rejects(() -> Wwn.parse(null), "null", "WWN", "is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "20", "20:00:00:25:b5:00:00", "20:00:00:25:b5:00:00:01:02", "20:00:00:25:b5:00:00:1",
        "2000:0025:b500:0001", "20000025b500000", "20000025b50000011", "20000025:b5000001", "0x20000025b5000001",
        "20.00.00.25.b5.00.00.01", "20-00-00-25-b5-00-00-01", "20 00 00 25 b5 00 00 01"})
    void parseRejectsWrongLengthAndForeignSeparators(String text) {
        rejects(() -> Wwn.parse(text), text, "WWN",
                "expected 8 colon-separated bytes (xx:xx:xx:xx:xx:xx:xx:xx) or 16 hex digits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            20:00:00:25:b5:00:00:0g   | 'g' at position 22 is not a hex digit
            2g000025b5000001          | 'g' at position 1 is not a hex digit
            "20000025 b500001"        | ' ' at position 8 is not a hex digit
            ２0000025b5000001          | '２' at position 0 is not a hex digit
            2:000:00:25:b5:00:00:01   | ':' at position 1 is not a hex digit
            20:00:00-25:b5:00:00:01   | expected ':' at position 8
            20:00:00:25:b5:00:00.01   | expected ':' at position 20
            "  20:00:00:25:b5:00:0g:01" | 'g' at position 21 is not a hex digit
            "  20:00:00;25:b5:00:00:01" | expected ':' at position 10
            00:00:00:00:00:00:00:00   | NAA type 0 is reserved
            7000000000000000          | NAA type 7 is reserved
            B0:00:00:25:B5:00:00:01   | NAA type 11 is reserved
            """)
    void parseRejectsBadCharactersAndReservedTypes(String text, String problem) {
        rejects(() -> Wwn.parse(text), text, "WWN", problem);
    }
}
