package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.LoginIgnoreReason;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.impl.FlowChange.PortLoggedOut;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;

/**
 * The logins and logouts learned from one drain of punted frames, checked against the login table
 * as it will be once the earlier ones of the same drain apply, and stored as one change (one append,
 * however many ports log in at once). Checks that fail count under their reason and change nothing.
 * Used inside one flow store change.
 */
final class LearnedBatch {
    private static final long NO_WWN = 0;
    private static final int NO_FCID = -1;
    private static final Long LOGGED_OUT = Long.MIN_VALUE;
    private static final Integer NOT_HERE = Integer.MIN_VALUE;

    private final FlowModel model;
    private final long micros;
    private final LearningCounters counters;
    private final List<FlowChange> changes = new ArrayList<>();
    private final Map<Address, Long> wwnAt = new HashMap<>();
    private final Map<Port, Integer> fcidOf = new HashMap<>();
    private List<PortLogin> run = new ArrayList<>();
    private long learned;
    private long logouts;

    private record Address(int vsan, int fcid) {
    }

    private record Port(int vsan, long wwn) {
    }

    LearnedBatch(FlowModel model, long micros, LearningCounters counters) {
        this.model = model;
        this.micros = micros;
        this.counters = counters;
    }

    /** A port the fabric gave an address to, or one that showed its address in a PLOGI. */
    void login(int vsan, long wwn, int fcid) {
        if (!FcId.of(fcid).isNPort()) {
            counters.ignored(LoginIgnoreReason.MALFORMED);
            return;
        }
        VsanId v = VsanId.of(vsan);
        Optional<Appliance> byName = model.appliances().holderOf(v, wwn, NO_FCID);
        Optional<Appliance> byAddress = model.appliances().holderOf(v, NO_WWN, fcid);
        if (byName.isPresent()) {
            // an appliance's virtual ports are its own: the table does not hold them
            if (byAddress.isPresent() && byAddress.get().name().equals(byName.get().name())) {
                counters.add(LearningCounters.CONFIRMED, 1);
            } else {
                counters.ignored(LoginIgnoreReason.VIRTUAL_PORT_MISMATCH);
            }
            return;
        }
        long held = wwnAt(vsan, fcid);
        if (byAddress.isPresent() || held != LongLongMap.MISSING && held != wwn) {
            counters.ignored(LoginIgnoreReason.FCID_TAKEN);
            return;
        }
        int current = fcidOf(vsan, wwn);
        if (current == fcid) {
            counters.add(LearningCounters.CONFIRMED, 1);
            return;
        }
        if (current != LoginRegistry.NOT_LOGGED_IN) {
            wwnAt.put(new Address(vsan, current), LOGGED_OUT);
        }
        wwnAt.put(new Address(vsan, fcid), wwn);
        fcidOf.put(new Port(vsan, wwn), fcid);
        run.add(new PortLogin(v, Wwn.of(wwn), FcId.of(fcid)));
        learned++;
    }

    /** Whether the port is logged in at that address now. */
    boolean loggedInAt(int vsan, long wwn, int fcid) {
        return fcidOf(vsan, wwn) == fcid;
    }

    void logout(int vsan, long wwn, int fcid) {
        if (!loggedInAt(vsan, wwn, fcid)) {
            counters.ignored(LoginIgnoreReason.LOGOUT_UNKNOWN_PORT);
            return;
        }
        closeRun();
        changes.add(new PortLoggedOut(micros, VsanId.of(vsan), Wwn.of(wwn)));
        wwnAt.put(new Address(vsan, fcid), LOGGED_OUT);
        fcidOf.put(new Port(vsan, wwn), NOT_HERE);
        logouts++;
    }

    private long wwnAt(int vsan, int fcid) {
        Long w = wwnAt.get(new Address(vsan, fcid));
        if (w == null) {
            return model.logins.wwnAt(vsan, fcid);
        }
        return w.equals(LOGGED_OUT) ? LongLongMap.MISSING : w;
    }

    private int fcidOf(int vsan, long wwn) {
        Integer f = fcidOf.get(new Port(vsan, wwn));
        if (f == null) {
            return model.logins.fcidOf(vsan, wwn);
        }
        return f.equals(NOT_HERE) ? LoginRegistry.NOT_LOGGED_IN : f;
    }

    private void closeRun() {
        if (!run.isEmpty()) {
            changes.add(new PortsLoggedIn(micros, List.copyOf(run)));
            run = new ArrayList<>();
        }
    }

    /** Everything learned, in order, as changes to store. */
    List<FlowChange> changes() {
        closeRun();
        return List.copyOf(changes);
    }

    /** Counts what was learned, once it is stored. */
    void stored() {
        counters.add(LearningCounters.LEARNED, learned);
        counters.add(LearningCounters.LOGOUTS, logouts);
    }

    /** Counts what was learned as lost, when the log refused it. */
    void notStored() {
        counters.ignored(LoginIgnoreReason.NOT_STORED, learned + logouts);
    }
}
