package org.fcredirect.fc.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Assembles pcap and pcapng files by hand, field by field, in either byte order. */
final class CaptureBytes {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int OPB = 2;
    static final int SPB = 3;
    static final int EPB = 6;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    private CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    static CaptureBytes pcapng(ByteOrder order) {
        return new CaptureBytes(order).shb(order);
    }

    /** A classic pcap header. */
    static CaptureBytes pcap(ByteOrder order, int magic, int snaplen, int linkType) {
        CaptureBytes c = new CaptureBytes(order);
        c.raw(c.buf(24).putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen)
                .putInt(linkType));
        return c;
    }

    /** A classic pcap record header and data. */
    CaptureBytes record(int seconds, int fraction, int caplen, int origlen, byte[] data) {
        raw(buf(16).putInt(seconds).putInt(fraction).putInt(caplen).putInt(origlen));
        out.writeBytes(data);
        return this;
    }

    /** A new section in {@code newOrder}, with a comment option to skip. */
    CaptureBytes shb(ByteOrder newOrder) {
        order = newOrder;
        ByteBuffer body = buf(32).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putShort((short) 1).putShort((short) 5).put("hello".getBytes()).put(new byte[3])
                .putShort((short) 0).putShort((short) 0);
        return block(SHB, body.array());
    }

    /** An interface; {@code tsresol} < 0 leaves the option out, {@code tsoffset} 0 too. */
    CaptureBytes idb(int linkType, int snaplen, int tsresol, long tsoffset) {
        ByteBuffer body = buf(8 + 8 + 12 + 4).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol >= 0) {
            body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        }
        if (tsoffset != 0) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putShort((short) 0).putShort((short) 0);
        return block(IDB, java.util.Arrays.copyOf(body.array(), body.position()));
    }

    CaptureBytes epb(int interfaceId, long ts, int origlen, byte[] data) {
        ByteBuffer body = buf(20 + pad(data.length) + 12).putInt(interfaceId).putInt((int) (ts >>> 32)).putInt((int) ts)
                .putInt(data.length).putInt(origlen).put(data).put(new byte[pad(data.length) - data.length])
                .putShort((short) 1).putShort((short) 4).putInt(0x636f6d6d).putShort((short) 0).putShort((short) 0);
        return block(EPB, body.array());
    }

    CaptureBytes opb(int interfaceId, long ts, byte[] data) {
        ByteBuffer body = buf(20 + pad(data.length)).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(data.length).put(data);
        return block(OPB, body.array());
    }

    CaptureBytes spb(int origlen, byte[] data) {
        return block(SPB, buf(4 + pad(data.length)).putInt(origlen).put(data).array());
    }

    /** A block of any type: type, total length, body padded to a word, total length again. */
    CaptureBytes block(int type, byte[] body) {
        int total = 12 + pad(body.length);
        raw(buf(8).putInt(type).putInt(total));
        out.writeBytes(body);
        out.writeBytes(new byte[pad(body.length) - body.length]);
        raw(buf(4).putInt(total));
        return this;
    }

    CaptureBytes raw(ByteBuffer b) {
        out.write(b.array(), 0, b.position());
        return this;
    }

    CaptureBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    ByteBuffer buf(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static int pad(int n) {
        return n + 3 & ~3;
    }
}
