package org.fcredirect.fc;

import static org.fcredirect.fc.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FcCrcTest {

    @Test
    void standardCheckValue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xCBF43926, FcCrc.compute(digits, 0, digits.length));
        byte[] embedded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xCBF43926, FcCrc.compute(embedded, 2, 9));
    }

    @Test
    void putAndGetAreLeastSignificantByteFirst() {
        byte[] buf = new byte[6];
        FcCrc.put(buf, 1, 0xCBF43926);
        assertArrayEquals(new byte[] {0, 0x26, 0x39, (byte) 0xF4, (byte) 0xCB, 0}, buf);
        assertEquals(0xCBF43926, FcCrc.get(buf, 1));
        assertEquals(0x44332211, FcCrc.get(new byte[] {0x11, 0x22, 0x33, 0x44}, 0));
    }

    @Test
    void checkRejectsAFrameWithoutRoomForItsCrc() {
        byte[] buf = new byte[30];
        String problem = "truncated: the frame and its 4-byte CRC do not fit in the 30-byte buffer";
        rejects(() -> FcCrc.check(buf, 0, 27), "offset 0, length 27", "frame", problem);
        rejects(() -> FcCrc.check(buf, 4, 24), "offset 4, length 24", problem);
        rejects(() -> FcCrc.check(buf, 30, 0), "offset 30, length 0", problem);
        rejects(() -> FcCrc.check(buf, -1, 24), "offset -1, length 24", problem);
        rejects(() -> FcCrc.check(buf, 0, -1), "offset 0, length -1", problem);
        rejects(() -> FcCrc.check(buf, 1, Integer.MAX_VALUE), "offset 1, length " + Integer.MAX_VALUE, problem);
        rejects(() -> FcCrc.check(buf, Integer.MAX_VALUE, 1), "offset " + Integer.MAX_VALUE + ", length 1", problem);
    }

    @Test
    void checkAcceptsAFrameEndingFlushWithTheBuffer() {
        byte[] buf = new byte[30];
        FcCrc.put(buf, 26, FcCrc.compute(buf, 0, 26));
        assertDoesNotThrow(() -> FcCrc.check(buf, 0, 26));
    }
}
