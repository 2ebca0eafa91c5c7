package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HexTest {

    @Test
    void knownEncoding() {
        assertEquals("00017f80ff", Hex.encode(new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff}, 0, 5));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, Hex.decode("DE:ad-Be ef"));
    }

    @Test
    void digitAcceptsExactlyAsciiHex() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            int expected = c < 0x80 ? Character.digit(c, 16) : -1;
            assertEquals(expected, Hex.digit(c), () -> "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void decodeRejectsNull() {
        rejects(() -> Hex.decode(null), "null", "hex dump", "is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""          | holds no bytes
            "   "       | holds no bytes
            0x          | holds no bytes
            ":-: "      | holds no bytes
            a           | odd number of hex digits
            abc         | odd number of hex digits
            0x0         | odd number of hex digits
            "01 02 0"   | odd number of hex digits
            0g          | 'g' at position 1 is not a hex digit
            0x0g        | 'g' at position 3 is not a hex digit
            "  0x0g"    | 'g' at position 5 is not a hex digit
            0x0x01      | 'x' at position 3 is not a hex digit
            01.02       | '.' at position 2 is not a hex digit
            01,02       | ',' at position 2 is not a hex digit
            ０１         | '０' at position 0 is not a hex digit
            "0 1"       | separator inside a byte at position 1
            0:1         | separator inside a byte at position 1
            0x01-0-2    | separator inside a byte at position 6
            """)
    void decodeRejectsMalformedDumps(String dump, String problem) {
        rejects(() -> Hex.decode(dump), dump, "hex dump", problem);
    }

    @Test
    void decodeQuotesALongDumpShortened() {
        String dump = "00".repeat(40) + "zz";
        FcFormatException e = rejects(() -> Hex.decode(dump), dump.substring(0, 61) + "...",
                "'z' at position 80 is not a hex digit");
        assertEquals(-1, e.getMessage().indexOf("zz"));
    }
}
