package org.fcredirect.flow.api;

import java.util.Objects;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * The virtual port addresses an appliance owns in one VSAN: the FCIDs {@code first..last} of one
 * domain, and for each the pWWN {@code wwnBase + (fcid - first)}. Every real target the appliance
 * fronts gets a virtual target (VT) from it and every real host a virtual initiator (VI), so every
 * initiator-target pair through the appliance has its own (VI, VT).
 */
public record PortPool(VsanId vsan, FcId first, FcId last, Wwn wwnBase) {
    public PortPool {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(first, "first FCID");
        Objects.requireNonNull(last, "last FCID");
        Objects.requireNonNull(wwnBase, "WWN base");
        VirtualPorts.checkNPort("pool first fcid", first);
        VirtualPorts.checkNPort("pool last fcid", last);
        if (first.domain() != last.domain()) {
            throw new ValidationException("pool", first + "-" + last, "must lie in one domain");
        }
        if (last.value() < first.value()) {
            throw new ValidationException("pool", first + "-" + last, "ends before it starts");
        }
        int size = last.value() - first.value() + 1;
        if (Long.compareUnsigned(wwnBase.value(), -size) > 0) {
            throw new ValidationException("pool wwn base", wwnBase, "leaves no room for " + size + " pWWNs");
        }
    }

    public int size() {
        return last.value() - first.value() + 1;
    }

    /** @param offset {@code 0..size()-1} */
    public FcId fcid(int offset) {
        return FcId.of(first.value() + Objects.checkIndex(offset, size()));
    }

    /** @param offset {@code 0..size()-1} */
    public Wwn pwwn(int offset) {
        return Wwn.of(wwnBase.value() + Objects.checkIndex(offset, size()));
    }

    public boolean containsFcid(int fcid) {
        return fcid >= first.value() && fcid <= last.value();
    }

    public boolean containsPwwn(long pwwn) {
        long offset = pwwn - wwnBase.value();
        return offset >= 0 && offset < size();
    }

    /** {@code true} when the two pools share an FCID or a pWWN in one VSAN. */
    public boolean overlaps(PortPool o) {
        return vsan.equals(o.vsan) && (first.value() <= o.last.value() && o.first.value() <= last.value()
                || wwnBase.value() <= o.wwnBase.value() + o.size() - 1 && o.wwnBase.value() <= wwnBase.value() + size() - 1);
    }

    /**
     * Parses {@code VSAN/FIRST-LAST/WWN_BASE}, e.g. {@code 10/0x0b0100-0x0b01ff/50:00:53:00:0b:01:00:00}.
     */
    public static PortPool parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        String[] range = parts.length == 3 ? parts[1].split("-", -1) : new String[0];
        if (range.length != 2) {
            throw new ValidationException("pool", text, "expected VSAN/FIRST_FCID-LAST_FCID/WWN_BASE");
        }
        try {
            return new PortPool(VsanId.parse(parts[0]), FcId.parse(range[0]), FcId.parse(range[1]), Wwn.parse(parts[2]));
        } catch (FcFormatException e) {
            throw new ValidationException("pool", e);
        }
    }

    /** The {@link #parse} form. */
    @Override
    public String toString() {
        return vsan + "/" + first + "-" + last + "/" + wwnBase;
    }
}
