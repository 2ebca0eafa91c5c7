package org.fcredirect.fc.els;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A reusable, zero-copy view of an ELS payload (the data field of a frame with R_CTL 0x22 or 0x23
 * and TYPE 0x01) inside a {@code byte[]}. {@link #wrap} checks the payload against its command's
 * length and reserved bytes and answers with a reason code, never an exception, so the fast path
 * and the login learner count malformed ones without allocating. Not thread-safe.
 *
 * <p>Layouts (FC-LS-3): FLOGI, FDISC, PLOGI and the LS_ACC answering them carry the service
 * parameters, with the port name at byte 20 and the node name at byte 28; LOGO carries the N_Port
 * id in bytes 5-7 and the port name at byte 8; LS_RJT its reason code at byte 5 and explanation at
 * byte 6. An LS_ACC does not say what it answers: its exchange does.
 */
public final class ElsView {
    /** Payload of FLOGI, FDISC, PLOGI and their accepts: command word and service parameters. */
    public static final int SERVICE_PARAMETERS_LENGTH = 116;
    public static final int LOGO_LENGTH = 16;
    public static final int LS_RJT_LENGTH = 8;
    public static final int LS_ACC_MIN_LENGTH = 4;
    static final int PORT_NAME = 20;
    static final int NODE_NAME = 28;
    static final int LOGO_N_PORT_ID = 4;
    static final int LOGO_PORT_NAME = 8;

    /** {@link #wrap} results. */
    public static final int OK = 0;
    /** Shorter than its command needs (or than the command word). */
    public static final int MALFORMED_SHORT = 1;
    /** A byte the standard reserves (zero) is not zero. */
    public static final int MALFORMED_RESERVED = 2;
    /** A request whose command is not one this view reads (PRLI, RSCN, ...). */
    public static final int UNSUPPORTED_COMMAND = 3;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int off;
    private int len;

    /**
     * Points the view at a payload of {@code len} bytes (fill bytes excluded) at {@code off} and
     * checks it; the accessors are meaningful only after {@link #OK}.
     */
    public int wrap(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        if (len < 4) {
            return MALFORMED_SHORT;
        }
        if (((int) INT.get(buf, off) & 0xFFFFFF) != 0) {
            return MALFORMED_RESERVED;
        }
        switch (command()) {
            case ElsCommand.FLOGI, ElsCommand.FDISC, ElsCommand.PLOGI:
                return len < SERVICE_PARAMETERS_LENGTH ? MALFORMED_SHORT : OK;
            case ElsCommand.LOGO:
                if (len < LOGO_LENGTH) {
                    return MALFORMED_SHORT;
                }
                return buf[off + LOGO_N_PORT_ID] != 0 ? MALFORMED_RESERVED : OK;
            case ElsCommand.LS_RJT:
                if (len < LS_RJT_LENGTH) {
                    return MALFORMED_SHORT;
                }
                return buf[off + 4] != 0 ? MALFORMED_RESERVED : OK;
            case ElsCommand.LS_ACC:
                return OK;
            default:
                return UNSUPPORTED_COMMAND;
        }
    }

    /** A message for a {@link #wrap} result. */
    public static String describe(int result) {
        switch (result) {
            case OK: return "ok";
            case MALFORMED_SHORT: return "shorter than its ELS command needs";
            case MALFORMED_RESERVED: return "reserved bytes are not zero";
            case UNSUPPORTED_COMMAND: return "not FLOGI, FDISC, PLOGI, LOGO, LS_ACC or LS_RJT";
            default: return "unknown ELS check result " + result;
        }
    }

    /** The command code, payload byte 0. */
    public int command() {
        return buf[off] & 0xFF;
    }

    /** An accept long enough to carry service parameters (the answer to FLOGI, FDISC or PLOGI). */
    public boolean hasServiceParameters() {
        int c = command();
        return c != ElsCommand.LOGO && c != ElsCommand.LS_RJT && len >= SERVICE_PARAMETERS_LENGTH;
    }

    /** The port name (pWWN) of a login, its accept, or a LOGO. */
    public long portName() {
        return (long) LONG.get(buf, off + (command() == ElsCommand.LOGO ? LOGO_PORT_NAME : PORT_NAME));
    }

    /** The node name (nWWN) of a login or its accept. */
    public long nodeName() {
        return (long) LONG.get(buf, off + NODE_NAME);
    }

    /** The N_Port id a LOGO logs out, 24 bits. */
    public int nPortId() {
        return (int) INT.get(buf, off + LOGO_N_PORT_ID) & 0xFFFFFF;
    }

    /** An LS_RJT's reason code. */
    public int rejectReason() {
        return buf[off + 5] & 0xFF;
    }

    /** An LS_RJT's reason explanation. */
    public int rejectExplanation() {
        return buf[off + 6] & 0xFF;
    }
}
