package org.fcredirect.flow.api;

import java.util.Objects;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.Wwn;

/** One virtual port of an appliance: the pWWN it presents and its FCID. */
public record VirtualAddress(Wwn pwwn, FcId fcid) {

    public VirtualAddress {
        Objects.requireNonNull(pwwn, "pwwn");
        Objects.requireNonNull(fcid, "fcid");
    }

    @Override
    public String toString() {
        return fcid + " " + pwwn;
    }
}
