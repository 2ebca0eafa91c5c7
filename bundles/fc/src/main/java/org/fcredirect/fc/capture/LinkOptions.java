package org.fcredirect.fc.capture;

import org.fcredirect.fc.FcFormatException;

/**
 * How to wrap an FC frame into a packet: the delimiters (used by link types that carry them) and
 * an optional 802.1Q VLAN (only link types carrying FCoE can).
 */
public record LinkOptions(Sof sof, Eof eof, int vlanId) {
    public static final int NO_VLAN = -1;
    public static final int MAX_VLAN = 4094;
    /** SOFi3/EOFt, no VLAN: a single-frame class 3 sequence, the usual FCP frame. */
    public static final LinkOptions DEFAULT = new LinkOptions(Sof.SOF_I3, Eof.EOF_T, NO_VLAN);

    public LinkOptions {
        if (sof == null || eof == null) {
            throw FcFormatException.of("link options", sof + "/" + eof, "SOF and EOF are required");
        }
        if (vlanId != NO_VLAN && (vlanId < 0 || vlanId > MAX_VLAN)) {
            throw FcFormatException.of("VLAN id", vlanId, "must be 0.." + MAX_VLAN + " or " + NO_VLAN + " for none");
        }
    }

    public LinkOptions withDelimiters(Sof newSof, Eof newEof) {
        return new LinkOptions(newSof, newEof, vlanId);
    }

    public LinkOptions withVlan(int newVlanId) {
        return new LinkOptions(sof, eof, newVlanId);
    }

    public boolean hasVlan() {
        return vlanId != NO_VLAN;
    }
}
