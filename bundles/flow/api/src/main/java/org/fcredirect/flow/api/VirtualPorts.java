package org.fcredirect.flow.api;

import java.util.Objects;
import java.util.function.Supplier;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * An appliance's fixed presence in one VSAN, as before {@link PortPool}s: one virtual target (VT),
 * where redirected initiators send, and one virtual initiator (VI), from which it reaches the real
 * targets, shared by every flow. Two of its flows to one target, or from one host, cannot be told
 * apart on their return legs; a pool gives each target and each host its own.
 */
public record VirtualPorts(VsanId vsan, Wwn vtPwwn, FcId vtFcid, Wwn viPwwn, FcId viFcid) {

    public VirtualPorts {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(vtPwwn, "vt pWWN");
        Objects.requireNonNull(vtFcid, "vt FCID");
        Objects.requireNonNull(viPwwn, "vi pWWN");
        Objects.requireNonNull(viFcid, "vi FCID");
        if (vtPwwn.equals(viPwwn)) {
            throw new ValidationException("vi pwwn", viPwwn, "is the VT's pWWN too; VT and VI are two ports");
        }
        if (vtFcid.equals(viFcid)) {
            throw new ValidationException("vi fcid", viFcid, "is the VT's FCID too; VT and VI are two ports");
        }
        checkNPort("vt fcid", vtFcid);
        checkNPort("vi fcid", viFcid);
    }

    static void checkNPort(String field, FcId fcid) {
        if (!fcid.isNPort()) {
            throw new ValidationException(field, fcid, "is not an N_Port address (domain 1..239)");
        }
    }

    /** Parses {@code VSAN,VT_PWWN,VT_FCID,VI_PWWN,VI_FCID}, e.g. {@code 10,50:00:..:01,0x0a0001,50:00:..:02,0x0a0002}. */
    public static VirtualPorts parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 5) {
            throw new ValidationException("ports", text, "expected VSAN,VT_PWWN,VT_FCID,VI_PWWN,VI_FCID");
        }
        return new VirtualPorts(field("vsan", () -> VsanId.parse(parts[0])), field("vt pwwn", () -> Wwn.parse(parts[1])),
                field("vt fcid", () -> FcId.parse(parts[2])), field("vi pwwn", () -> Wwn.parse(parts[3])),
                field("vi fcid", () -> FcId.parse(parts[4])));
    }

    private static <T> T field(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (FcFormatException e) {
            throw new ValidationException(name, e);
        }
    }

    /** The {@link #parse} form. */
    @Override
    public String toString() {
        return vsan + "," + vtPwwn + "," + vtFcid + "," + viPwwn + "," + viFcid;
    }
}
