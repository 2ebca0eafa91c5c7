package org.fcredirect.flow.api;

import java.util.Objects;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/** One entry of the login table: a port, by its pWWN, holds an FCID in a VSAN. */
public record PortLogin(VsanId vsan, Wwn pwwn, FcId fcid) {

    public PortLogin {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(pwwn, "pwwn");
        Objects.requireNonNull(fcid, "fcid");
    }

    @Override
    public String toString() {
        return "vsan " + vsan + " " + pwwn + " " + fcid;
    }
}
