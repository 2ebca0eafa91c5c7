package org.fcredirect.fc.capture;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.fc.Hex;
import org.junit.jupiter.api.Test;

/** SOF/EOF codes and ordered sets as Wireshark's fcoe and fcsof dissectors name them. */
class DelimitersTest {

    @Test
    void sofEncodings() {
        assertEquals(0xBCB55656, Sof.SOF_I3.orderedSet());
        assertEquals(0x2E, Sof.SOF_I3.fcoeCode());
        assertEquals(0xBCB53636, Sof.SOF_N3.orderedSet());
        assertEquals(0x36, Sof.SOF_N3.fcoeCode());
        assertEquals(0xBCB55858, Sof.SOF_F.orderedSet());
        assertEquals(0x28, Sof.SOF_F.fcoeCode());
        assertEquals(0xBCB55555, Sof.SOF_I2.orderedSet());
        for (Sof s : Sof.values()) {
            assertSame(s, Sof.ofOrderedSet(s.orderedSet()));
            assertSame(s, Sof.ofFcoeCode(s.fcoeCode()));
        }
        assertEquals("SOFi3", Sof.SOF_I3.label());
    }

    @Test
    void eofEncodingsForBothDisparities() {
        assertEquals(0xBC957575, Eof.EOF_T.orderedSet(true));
        assertEquals(0xBCB57575, Eof.EOF_T.orderedSet(false));
        assertEquals(0xBC95D5D5, Eof.EOF_N.orderedSet(true));
        assertEquals(0xBC8AD5D5, Eof.EOF_NI.orderedSet(true));
        assertEquals(0xBCAAD5D5, Eof.EOF_NI.orderedSet(false));
        assertEquals(0xBCB5F5F5, Eof.EOF_A.orderedSet(false));
        assertEquals(0xBC8A9999, Eof.EOF_RTI.orderedSet(true));
        assertEquals(0x42, Eof.EOF_T.fcoeCode());
        assertEquals(0x41, Eof.EOF_N.fcoeCode());
        for (Eof e : Eof.values()) {
            assertSame(e, Eof.ofOrderedSet(e.orderedSet(true)));
            assertSame(e, Eof.ofOrderedSet(e.orderedSet(false)));
            assertSame(e, Eof.ofFcoeCode(e.fcoeCode()));
        }
        assertTrue(Eof.EOF_DTI.invalidates());
        assertFalse(Eof.EOF_DT.invalidates());
    }

    @Test
    void unknownCodesAreRejected() {
        rejects(() -> Sof.ofFcoeCode(0x99), "FCoE SOF '0x99'", "not a known SOF code");
        rejects(() -> Eof.ofFcoeCode(0), "FCoE EOF '0x00'", "not a known EOF code");
        rejects(() -> Sof.ofOrderedSet(0xBC955656), "'0xbc955656'");
        rejects(() -> Eof.ofOrderedSet(0xBCB57576), "'0xbcb57576'");
    }

    /** The data characters of the EOF ordered sets themselves must return the link to negative disparity. */
    @Test
    void runningDisparityAgreesWithTheEofOrderedSets() {
        // After K28.5 sent at negative disparity the link is positive, and the reverse.
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("957575"), 0, 3), "EOFt-");
        assertTrue(RunningDisparity.negativeAfter(true, Hex.decode("b57575"), 0, 3), "EOFt+");
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("8ad5d5"), 0, 3), "EOFni-");
        assertTrue(RunningDisparity.negativeAfter(true, Hex.decode("aad5d5"), 0, 3), "EOFni+");
        // The idle ordered set K28.5 D21.4 D21.5 D21.5 also ends negative.
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("95b5b5"), 0, 3), "IDLE");
    }

    @Test
    void runningDisparityCountsUnbalancedSubBlocks() {
        assertFalse(RunningDisparity.negativeAfter(false, new byte[40], 0, 40), "D0.0 has two unbalanced sub-blocks");
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("03"), 0, 1), "D3.0: neutral 5b, unbalanced 3b");
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("e7"), 0, 1), "D7.7: neutral 5b, unbalanced 3b");
        assertTrue(RunningDisparity.negativeAfter(false, Hex.decode("15"), 0, 1), "D21.0: neutral 5b, unbalanced 3b");
        assertFalse(RunningDisparity.negativeAfter(false, Hex.decode("35"), 0, 1), "D21.1: both sub-blocks neutral");
        assertFalse(RunningDisparity.negativeAfter(false, Hex.decode("01"), 0, 1), "D1.0: both sub-blocks unbalanced");
    }
}
