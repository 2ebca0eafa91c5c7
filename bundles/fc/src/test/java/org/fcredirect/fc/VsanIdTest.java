package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VsanIdTest {

    @Test
    void bounds() {
        assertEquals(1, VsanId.of(1).value());
        assertEquals(4094, VsanId.of(4094).value());
        assertEquals(VsanId.DEFAULT, VsanId.of(1));
        assertEquals(-1, VsanId.of(1).compareTo(VsanId.of(4094)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4095, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void ofRejectsReservedAndOutOfRange(int v) {
        rejects(() -> VsanId.of(v), Integer.toString(v), "VSAN", "must be 1..4094");
    }

    @Test
    void parseRejectsNull() {
        rejects(() -> VsanId.parse(null), "null", "VSAN", "is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            0        | must be 1..4094
            0000     | must be 1..4094
            4095     | must be 1..4094
            9999     | must be 1..4094
            ""       | must be a decimal number 1..4094
            "   "    | must be a decimal number 1..4094
            10000    | must be a decimal number 1..4094
            00001    | must be a decimal number 1..4094
            -1       | must be a decimal number 1..4094
            +1       | must be a decimal number 1..4094
            1a       | must be a decimal number 1..4094
            0x10     | must be a decimal number 1..4094
            "1 2"    | must be a decimal number 1..4094
            1.0      | must be a decimal number 1..4094
            １        | must be a decimal number 1..4094
            ٣        | must be a decimal number 1..4094
            vsan10   | must be a decimal number 1..4094
            """)
    void parseRejectsMalformedText(String text, String problem) {
        rejects(() -> VsanId.parse(text), text, "VSAN", problem);
    }
}
