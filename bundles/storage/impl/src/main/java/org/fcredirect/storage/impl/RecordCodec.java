package org.fcredirect.storage.impl;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.EventRules;

/**
 * The on-disk layout of one event record (see FORMAT.md in this module). All integers are
 * big-endian.
 *
 * <pre>
 * offset  size  field
 *  0       4    length       whole record in bytes, this field and the CRC included
 *  4       8    sequence     global sequence number
 * 12       8    timestamp    microseconds since the epoch
 * 20       2    writeIndex   position of the record within the write that stored it (0-based)
 * 22       2    writeCount   records in that write (1..65535)
 * 24       1    s            stream name length (1..64)
 * 25       s    stream       US-ASCII
 * 25+s     1    t            event type length (1..64)
 * 26+s     t    type         US-ASCII
 * 26+s+t   p    payload      p = length - 30 - s - t
 * length-4 4    crc          CRC-32C of bytes [0, length-4)
 * </pre>
 *
 * The write framing ({@code writeIndex}, {@code writeCount}) lets recovery tell a torn last write,
 * which was never acknowledged and is cut off whole, from damage to acknowledged data, which
 * refuses to open: a record of a later write can only exist once every earlier write was forced.
 */
public final class RecordCodec {
    static final int LENGTH = 0;
    static final int SEQUENCE = 4;
    static final int TIMESTAMP = 12;
    static final int WRITE_INDEX = 20;
    static final int WRITE_COUNT = 22;
    static final int STREAM_LENGTH = 24;
    static final int STREAM = 25;

    /** Bytes of a record besides its names and payload. */
    static final int OVERHEAD = 30;
    static final int MIN_RECORD_BYTES = OVERHEAD + 2;
    static final int MAX_RECORD_BYTES = OVERHEAD + 2 * EventRules.MAX_NAME_LENGTH + EventRules.MAX_PAYLOAD_BYTES;
    static final int MAX_WRITE_COUNT = 0xFFFF;

    private RecordCodec() {
    }

    static int recordSize(String stream, String type, int payloadLength) {
        return OVERHEAD + stream.length() + type.length() + payloadLength;
    }

    /**
     * Encodes one record at {@code dst}'s position and advances it past the record.
     *
     * @param payload read from its position to its limit, which it keeps
     */
    static void encode(ByteBuffer dst, long sequence, long timestampMicros, int writeIndex, int writeCount,
                       String stream, String type, ByteBuffer payload, CRC32C crc) {
        int start = dst.position();
        int length = recordSize(stream, type, payload.remaining());
        dst.putInt(length).putLong(sequence).putLong(timestampMicros)
                .putShort((short) writeIndex).putShort((short) writeCount);
        putName(dst, stream);
        putName(dst, type);
        dst.put(payload.duplicate());
        crc.reset();
        ByteBuffer covered = dst.duplicate();
        covered.limit(dst.position()).position(start);
        crc.update(covered);
        dst.putInt((int) crc.getValue());
    }

    private static void putName(ByteBuffer dst, String name) {
        dst.put((byte) name.length());
        for (int i = 0; i < name.length(); i++) {
            dst.put((byte) name.charAt(i));
        }
    }
}
