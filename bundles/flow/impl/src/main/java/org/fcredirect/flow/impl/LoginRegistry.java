package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.PortLogin;

/** The login table: per VSAN, pWWN to FCID and back, in primitive maps. Not thread-safe. */
final class LoginRegistry {
    static final int NOT_LOGGED_IN = -1;

    private final Map<Integer, VsanLogins> byVsan = new HashMap<>();
    private int count;

    private static final class VsanLogins {
        final LongLongMap fcidByWwn = new LongLongMap();
        final LongLongMap wwnByFcid = new LongLongMap();
    }

    /** The FCID of a port, or {@link #NOT_LOGGED_IN}. */
    int fcidOf(int vsan, long wwn) {
        VsanLogins v = byVsan.get(vsan);
        long fcid = v == null ? LongLongMap.MISSING : v.fcidByWwn.get(wwn);
        return fcid == LongLongMap.MISSING ? NOT_LOGGED_IN : (int) fcid;
    }

    /** The pWWN holding an FCID, or {@link LongLongMap#MISSING}. */
    long wwnAt(int vsan, int fcid) {
        VsanLogins v = byVsan.get(vsan);
        return v == null ? LongLongMap.MISSING : v.wwnByFcid.get(fcid);
    }

    /** Logs a port in, moving it from an FCID it held before. */
    void login(int vsan, long wwn, int fcid) {
        VsanLogins v = byVsan.computeIfAbsent(vsan, k -> new VsanLogins());
        long old = v.fcidByWwn.get(wwn);
        if (old != LongLongMap.MISSING) {
            v.wwnByFcid.remove(old);
        } else {
            count++;
        }
        v.fcidByWwn.put(wwn, fcid);
        v.wwnByFcid.put(fcid, wwn);
    }

    void logout(int vsan, long wwn) {
        VsanLogins v = byVsan.get(vsan);
        if (v == null) {
            return;
        }
        long old = v.fcidByWwn.remove(wwn);
        if (old != LongLongMap.MISSING) {
            v.wwnByFcid.remove(old);
            count--;
        }
    }

    int count() {
        return count;
    }

    /** The logins of a VSAN by FCID. */
    List<PortLogin> list(int vsan) {
        VsanLogins v = byVsan.get(vsan);
        if (v == null) {
            return List.of();
        }
        TreeMap<Integer, PortLogin> sorted = new TreeMap<>();
        VsanId id = VsanId.of(vsan);
        v.wwnByFcid.forEach((fcid, wwn) -> sorted.put((int) fcid, new PortLogin(id, Wwn.of(wwn), FcId.of((int) fcid))));
        return List.copyOf(sorted.values());
    }

    /** Every login, by VSAN then FCID. */
    List<PortLogin> list() {
        List<PortLogin> all = new ArrayList<>(count);
        new TreeMap<>(byVsan).keySet().forEach(vsan -> all.addAll(list(vsan)));
        return all;
    }
}
