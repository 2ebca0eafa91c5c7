package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.StringJoiner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HexPropertiesTest {

    @Property(tries = 1000)
    void encodeThenDecodeInAnyDumpStyle(@ForAll @Size(min = 1, max = 64) byte[] bytes) {
        String hex = Hex.encode(bytes, 0, bytes.length);
        assertEquals(2 * bytes.length, hex.length());
        assertEquals(hex.toLowerCase(Locale.ROOT), hex);
        for (String dump : new String[] {hex, hex.toUpperCase(Locale.ROOT), "0x" + hex, "0X" + hex,
                separated(bytes, ":"), separated(bytes, "-"), separated(bytes, " "), separated(bytes, "\n  "),
                " 0x" + separated(bytes, " ") + " "}) {
            assertArrayEquals(bytes, Hex.decode(dump), dump);
        }
    }

    private static String separated(byte[] bytes, String separator) {
        StringJoiner j = new StringJoiner(separator);
        for (byte b : bytes) {
            j.add(String.format("%02x", b));
        }
        return j.toString();
    }

    @Property(tries = 500)
    void encodeCoversOnlyTheGivenRange(@ForAll @Size(min = 1, max = 64) byte[] bytes,
                                       @ForAll @IntRange(max = 63) int from, @ForAll @IntRange(max = 64) int to) {
        int off = Math.min(from, bytes.length);
        int len = Math.max(0, Math.min(to, bytes.length) - off);
        String hex = Hex.encode(bytes, off, len);
        assertEquals(Hex.encode(bytes, 0, bytes.length).substring(2 * off, 2 * (off + len)), hex);
    }
}
