package org.fcredirect.fc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A reusable, zero-copy view of an FC-2 frame (24-byte header, then the data field) inside a
 * {@code byte[]}: the fast path wraps each frame in place, reads and rewrites header fields, and
 * allocates nothing. Not thread-safe: one view per worker.
 *
 * <p>{@link #check()} tells a well-formed frame from a malformed one by a reason code rather than
 * an exception, so a worker can count drops without allocating.
 */
public final class FrameView {
    public static final int HEADER_LENGTH = 24;
    /** Largest data field (payload plus optional headers). */
    public static final int MAX_DATA_FIELD = 2112;
    public static final int MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_DATA_FIELD;

    /** {@link #check()} results. */
    public static final int OK = 0;
    public static final int MALFORMED_SHORT = 1;
    public static final int MALFORMED_LONG = 2;
    public static final int MALFORMED_OPTIONAL_HEADERS = 3;
    public static final int MALFORMED_FILL_BYTES = 4;
    /** Number of distinct {@link #check()} results, for arrays of counters indexed by reason. */
    public static final int CHECK_RESULTS = 5;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private static final int DF_ESP = 0x40;
    private static final int DF_NETWORK = 0x20;
    private static final int DF_ASSOCIATION = 0x10;
    private static final int DF_DEVICE_MASK = 0x03;

    private byte[] buf;
    private int off;
    private int len;

    /** Points this view at {@code len} bytes of {@code buf} from {@code off}; validates nothing. */
    public FrameView wrap(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        return this;
    }

    /** The reason the frame is malformed, or {@link #OK}. */
    public int check() {
        if (len < HEADER_LENGTH) {
            return MALFORMED_SHORT;
        }
        if (len > MAX_FRAME_LENGTH) {
            return MALFORMED_LONG;
        }
        if (HEADER_LENGTH + optionalHeaderLength() > len) {
            return MALFORMED_OPTIONAL_HEADERS;
        }
        if (fillBytes() > payloadLength()) {
            return MALFORMED_FILL_BYTES;
        }
        return OK;
    }

    /** A message for a {@link #check()} result. */
    public static String describeCheck(int result) {
        switch (result) {
            case OK: return "ok";
            case MALFORMED_SHORT: return "shorter than the 24-byte header";
            case MALFORMED_LONG: return "longer than " + MAX_FRAME_LENGTH + " bytes";
            case MALFORMED_OPTIONAL_HEADERS: return "optional headers announced by DF_CTL run past the frame";
            case MALFORMED_FILL_BYTES: return "more fill bytes than payload";
            default: return "unknown check result " + result;
        }
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    public int rCtl() {
        return buf[off] & 0xFF;
    }

    public void rCtl(int v) {
        buf[off] = (byte) v;
    }

    public int dId() {
        return (int) INT.get(buf, off) & 0xFFFFFF;
    }

    public void dId(int fcid) {
        INT.set(buf, off, (int) INT.get(buf, off) & 0xFF000000 | fcid & 0xFFFFFF);
    }

    public int csCtl() {
        return buf[off + 4] & 0xFF;
    }

    public void csCtl(int v) {
        buf[off + 4] = (byte) v;
    }

    public int sId() {
        return (int) INT.get(buf, off + 4) & 0xFFFFFF;
    }

    public void sId(int fcid) {
        INT.set(buf, off + 4, (int) INT.get(buf, off + 4) & 0xFF000000 | fcid & 0xFFFFFF);
    }

    public int type() {
        return buf[off + 8] & 0xFF;
    }

    public void type(int v) {
        buf[off + 8] = (byte) v;
    }

    public int fCtl() {
        return (int) INT.get(buf, off + 8) & 0xFFFFFF;
    }

    public void fCtl(int v) {
        INT.set(buf, off + 8, (int) INT.get(buf, off + 8) & 0xFF000000 | v & 0xFFFFFF);
    }

    public int seqId() {
        return buf[off + 12] & 0xFF;
    }

    public void seqId(int v) {
        buf[off + 12] = (byte) v;
    }

    public int dfCtl() {
        return buf[off + 13] & 0xFF;
    }

    public void dfCtl(int v) {
        buf[off + 13] = (byte) v;
    }

    public int seqCnt() {
        return (short) SHORT.get(buf, off + 14) & 0xFFFF;
    }

    public void seqCnt(int v) {
        SHORT.set(buf, off + 14, (short) v);
    }

    public int oxId() {
        return (short) SHORT.get(buf, off + 16) & 0xFFFF;
    }

    public void oxId(int v) {
        SHORT.set(buf, off + 16, (short) v);
    }

    public int rxId() {
        return (short) SHORT.get(buf, off + 18) & 0xFFFF;
    }

    public void rxId(int v) {
        SHORT.set(buf, off + 18, (short) v);
    }

    public int parameter() {
        return (int) INT.get(buf, off + 20);
    }

    public void parameter(int v) {
        INT.set(buf, off + 20, v);
    }

    /** Bytes of optional headers (ESP, network, association, device) announced by DF_CTL. */
    public int optionalHeaderLength() {
        int df = dfCtl();
        int n = 0;
        if ((df & DF_ESP) != 0) {
            n += 8;
        }
        if ((df & DF_NETWORK) != 0) {
            n += 16;
        }
        if ((df & DF_ASSOCIATION) != 0) {
            n += 32;
        }
        int device = df & DF_DEVICE_MASK;
        if (device != 0) {
            n += 8 << device;
        }
        return n;
    }

    /** Offset in {@link #buffer()} of the payload (after header and optional headers). */
    public int payloadOffset() {
        return off + HEADER_LENGTH + optionalHeaderLength();
    }

    /** Payload bytes, fill bytes included. */
    public int payloadLength() {
        return len - HEADER_LENGTH - optionalHeaderLength();
    }

    /** Fill bytes at the end of the payload (F_CTL bits 1-0). */
    public int fillBytes() {
        return fCtl() & FCtl.FILL_BYTES_MASK;
    }

    /** True when the frame was sent by the exchange responder (F_CTL exchange context). */
    public boolean fromResponder() {
        return (fCtl() & FCtl.EXCHANGE_CONTEXT) != 0;
    }

    /** Copies the header into an immutable value. */
    public FrameHeader header() {
        return FrameHeader.decode(buf, off, len);
    }
}
