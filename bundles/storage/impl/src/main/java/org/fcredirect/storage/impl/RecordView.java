package org.fcredirect.storage.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.EventRules;
import org.fcredirect.storage.api.StoredEvent;

/**
 * Checks and decodes the records of one segment buffer in place (layout in {@link RecordCodec}).
 * One per reading thread: it owns a private view of the buffer, a CRC and a name cache.
 */
final class RecordView {
    /** Not enough bytes left for the record its length announces. */
    static final int TRUNCATED = -1;
    /** A zero length: the preallocated, never written part of a segment. */
    static final int ZERO = -2;
    static final int BAD_LENGTH = -3;
    static final int BAD_NAME = -4;
    static final int BAD_CRC = -5;
    static final int BAD_FRAMING = -6;
    static final int BAD_SEQUENCE = -7;

    private final ByteBuffer buffer;
    private final ByteBuffer crcView;
    private final CRC32C crc = new CRC32C();
    private final NameCache names = new NameCache();

    RecordView(ByteBuffer segmentBuffer) {
        this.buffer = segmentBuffer.duplicate();
        this.crcView = segmentBuffer.duplicate();
    }

    /**
     * @param end where readable bytes stop
     * @return the length of the intact record at {@code offset}, or a negative reason why there
     *         is none. Checks length, name lengths, write framing and CRC; not the sequence.
     */
    int check(int offset, int end) {
        if (end - offset < 4) {
            return end == offset ? ZERO : TRUNCATED;
        }
        int length = buffer.getInt(offset + RecordCodec.LENGTH);
        if (length == 0) {
            return ZERO;
        }
        if (length < RecordCodec.MIN_RECORD_BYTES || length > RecordCodec.MAX_RECORD_BYTES) {
            return BAD_LENGTH;
        }
        if (length > end - offset) {
            return TRUNCATED;
        }
        int s = buffer.get(offset + RecordCodec.STREAM_LENGTH) & 0xFF;
        if (s < 1 || s > EventRules.MAX_NAME_LENGTH || RecordCodec.OVERHEAD + s + 1 > length) {
            return BAD_NAME;
        }
        int t = buffer.get(offset + RecordCodec.STREAM + s) & 0xFF;
        if (t < 1 || t > EventRules.MAX_NAME_LENGTH || RecordCodec.OVERHEAD + s + t > length) {
            return BAD_NAME;
        }
        crc.reset();
        crcView.limit(offset + length - 4).position(offset);
        crc.update(crcView);
        crcView.clear();
        if ((int) crc.getValue() != buffer.getInt(offset + length - 4)) {
            return BAD_CRC;
        }
        int count = writeCount(offset);
        if (count == 0 || writeIndex(offset) >= count) {
            return BAD_FRAMING;
        }
        return length;
    }

    long sequence(int offset) {
        return buffer.getLong(offset + RecordCodec.SEQUENCE);
    }

    long timestamp(int offset) {
        return buffer.getLong(offset + RecordCodec.TIMESTAMP);
    }

    int writeIndex(int offset) {
        return buffer.getShort(offset + RecordCodec.WRITE_INDEX) & 0xFFFF;
    }

    int writeCount(int offset) {
        return buffer.getShort(offset + RecordCodec.WRITE_COUNT) & 0xFFFF;
    }

    /** The stream name of a checked record, shared across calls. */
    String stream(int offset) {
        int s = buffer.get(offset + RecordCodec.STREAM_LENGTH) & 0xFF;
        return names.get(buffer, offset + RecordCodec.STREAM, s);
    }

    /** Decodes a checked record of {@code length} bytes. */
    StoredEvent decode(int offset, int length, String stream) {
        int s = stream.length();
        int typeAt = offset + RecordCodec.STREAM + s;
        int t = buffer.get(typeAt) & 0xFF;
        String type = names.get(buffer, typeAt + 1, t);
        byte[] payload = new byte[length - RecordCodec.OVERHEAD - s - t];
        buffer.get(typeAt + 1 + t, payload);
        return StoredEvent.adopt(sequence(offset), timestamp(offset), stream, type, payload);
    }

    static String reason(int code) {
        return switch (code) {
            case TRUNCATED -> "record runs past the end of the written data";
            case ZERO -> "zero length (unwritten space)";
            case BAD_LENGTH -> "length out of range";
            case BAD_NAME -> "stream or type length out of range";
            case BAD_CRC -> "CRC-32C mismatch";
            case BAD_FRAMING -> "write framing out of order";
            case BAD_SEQUENCE -> "sequence number out of order";
            default -> "unknown (" + code + ")";
        };
    }

    /** Turns the few distinct stream and type names back into shared strings without allocating. */
    private static final class NameCache {
        private final String[] slots = new String[128];

        String get(ByteBuffer buf, int offset, int length) {
            int h = length;
            for (int i = 0; i < length; i++) {
                h = 31 * h + buf.get(offset + i);
            }
            int slot = (h ^ (h >>> 7)) & (slots.length - 1);
            String cached = slots[slot];
            if (cached != null && sameAscii(cached, buf, offset, length)) {
                return cached;
            }
            byte[] bytes = new byte[length];
            buf.get(offset, bytes);
            String name = new String(bytes, StandardCharsets.US_ASCII);
            slots[slot] = name;
            return name;
        }

        private static boolean sameAscii(String s, ByteBuffer buf, int offset, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (s.charAt(i) != buf.get(offset + i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
