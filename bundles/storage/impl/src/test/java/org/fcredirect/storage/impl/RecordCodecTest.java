package org.fcredirect.storage.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.StoredEvent;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static ByteBuffer encoded(long sequence, String stream, String type, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(256);
        RecordCodec.encode(buf, sequence, 1_700_000_000_123_456L, 1, 3, stream, type, ByteBuffer.wrap(payload), new CRC32C());
        assertEquals(RecordCodec.recordSize(stream, type, payload.length), buf.position());
        return buf;
    }

    @Test
    void encodesWhatItDecodes() {
        byte[] payload = {1, 2, 3, 4, 5};
        ByteBuffer buf = encoded(42, "flow", "redirect.created", payload);
        RecordView view = new RecordView(buf);
        int length = view.check(0, buf.position());
        assertEquals(buf.position(), length);
        assertEquals(42, view.sequence(0));
        assertEquals(1, view.writeIndex(0));
        assertEquals(3, view.writeCount(0));
        StoredEvent e = view.decode(0, length, view.stream(0));
        assertEquals("flow", e.stream());
        assertEquals("redirect.created", e.type());
        assertEquals(1_700_000_000_123_456L, e.timestampMicros());
        assertArrayEquals(payload, e.payload());
    }

    @Test
    void everySingleFlippedBitIsDetected() {
        ByteBuffer buf = encoded(7, "policy", "set", new byte[] {9, 8, 7});
        int length = buf.position();
        for (int i = 0; i < length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                ByteBuffer copy = ByteBuffer.allocate(256).put(buf.array(), 0, length);
                copy.put(i, (byte) (copy.get(i) ^ (1 << bit)));
                int r = new RecordView(copy).check(0, length);
                assertTrue(r < 0, "flip of bit " + bit + " in byte " + i + " went unnoticed");
            }
        }
    }

    @Test
    void aRecordCutShortOrRunningOffTheEndIsNotIntact() {
        ByteBuffer buf = encoded(7, "flow", "t", new byte[10]);
        RecordView view = new RecordView(buf);
        assertEquals(RecordView.TRUNCATED, view.check(0, buf.position() - 1));
        assertEquals(RecordView.ZERO, view.check(buf.position(), buf.position()));
        assertEquals(RecordView.ZERO, view.check(buf.position(), buf.capacity()));
    }
}
