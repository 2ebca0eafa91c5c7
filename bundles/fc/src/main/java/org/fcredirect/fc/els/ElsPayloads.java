package org.fcredirect.fc.els;

import org.fcredirect.fc.Wwn;

/**
 * Builds ELS payloads as an N_Port or the fabric controller sends them, with the fields
 * {@link ElsView} reads and plausible service parameters (FC-PH version 0x20, class 3, a 2112-byte
 * receive size) so a decoder such as tshark reads them as the real thing.
 */
public final class ElsPayloads {
    /** LS_RJT reason: unable to perform command request. */
    public static final int REJECT_UNABLE = 0x09;
    /** LS_RJT reason: logical error. */
    public static final int REJECT_LOGICAL_ERROR = 0x03;
    private static final int CLASS_3 = 68;

    private ElsPayloads() {
    }

    public static byte[] flogi(Wwn port, Wwn node) {
        return serviceParameters(ElsCommand.FLOGI, port, node);
    }

    public static byte[] fdisc(Wwn port, Wwn node) {
        return serviceParameters(ElsCommand.FDISC, port, node);
    }

    public static byte[] plogi(Wwn port, Wwn node) {
        return serviceParameters(ElsCommand.PLOGI, port, node);
    }

    /** The accept to a FLOGI, FDISC or PLOGI: the responder's own service parameters. */
    public static byte[] acceptLogin(Wwn port, Wwn node) {
        return serviceParameters(ElsCommand.LS_ACC, port, node);
    }

    /** The accept to a LOGO (or any request whose accept carries nothing). */
    public static byte[] accept() {
        return new byte[] {ElsCommand.LS_ACC, 0, 0, 0};
    }

    /** LOGO of the port {@code port} at address {@code nPortId}. */
    public static byte[] logo(int nPortId, Wwn port) {
        byte[] b = new byte[ElsView.LOGO_LENGTH];
        b[0] = ElsCommand.LOGO;
        put(b, ElsView.LOGO_N_PORT_ID, nPortId & 0xFFFFFF, 4);
        put(b, ElsView.LOGO_PORT_NAME, port.value(), 8);
        return b;
    }

    public static byte[] reject(int reason, int explanation) {
        return new byte[] {ElsCommand.LS_RJT, 0, 0, 0, 0, (byte) reason, (byte) explanation, 0};
    }

    private static byte[] serviceParameters(int command, Wwn port, Wwn node) {
        byte[] b = new byte[ElsView.SERVICE_PARAMETERS_LENGTH];
        b[0] = (byte) command;
        b[4] = 0x20;
        b[5] = 0x20;
        put(b, 6, 16, 2);
        b[8] = (byte) 0x80;
        put(b, 10, 2112, 2);
        put(b, ElsView.PORT_NAME, port.value(), 8);
        put(b, ElsView.NODE_NAME, node.value(), 8);
        b[CLASS_3] = (byte) 0x80;
        put(b, CLASS_3 + 6, 2112, 2);
        return b;
    }

    private static void put(byte[] b, int off, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
