package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.ValidationException;

/**
 * Validates a request of logins against the login table, the appliances' virtual ports and the
 * request itself, and leaves out logins that change nothing.
 */
final class LoginCheck {
    private final FlowModel model;
    private final Map<Port, Integer> fcidInRequest = new HashMap<>();
    private final Map<Address, Long> holderInRequest = new HashMap<>();

    private record Port(int vsan, long wwn) {
    }

    private record Address(int vsan, int fcid) {
    }

    LoginCheck(FlowModel model) {
        this.model = model;
    }

    /** @return the logins that change the table, in request order */
    List<PortLogin> check(List<PortLogin> logins) {
        List<PortLogin> changed = new ArrayList<>(logins.size());
        for (PortLogin p : logins) {
            if (check(p)) {
                changed.add(p);
            }
        }
        return changed;
    }

    private boolean check(PortLogin p) {
        VsanId vsan = p.vsan();
        int v = vsan.value();
        long wwn = p.pwwn().value();
        int fcid = p.fcid().value();
        if (!p.fcid().isNPort()) {
            throw new ValidationException("fcid", p.fcid(), "is not an N_Port address (domain 1..239)");
        }
        model.appliances().holderOf(vsan, wwn, fcid).ifPresent(a -> {
            boolean sameName = a.portsIn(vsan).map(vp -> vp.vtPwwn().value() == wwn || vp.viPwwn().value() == wwn)
                    .orElse(false) || a.poolIn(vsan).map(pool -> pool.containsPwwn(wwn)).orElse(false);
            throw new ValidationException(sameName ? "pwwn" : "fcid", sameName ? p.pwwn() : p.fcid(),
                    "is a virtual port of appliance " + a.name() + " in VSAN " + vsan);
        });
        Long holder = holderInRequest.get(new Address(v, fcid));
        long held = holder != null ? holder : model.logins.wwnAt(v, fcid);
        if (held != LongLongMap.MISSING && held != wwn) {
            throw new ValidationException("fcid", p.fcid(), "is held by " + Wwn.format(held) + " in VSAN " + vsan);
        }
        Integer earlier = fcidInRequest.putIfAbsent(new Port(v, wwn), fcid);
        if (earlier != null && earlier != fcid) {
            throw new ValidationException("pwwn", p.pwwn(), "logs in twice in one request, with FCIDs "
                    + FcId.format(earlier) + " and " + p.fcid());
        }
        holderInRequest.put(new Address(v, fcid), wwn);
        return earlier == null && model.logins.fcidOf(v, wwn) != fcid;
    }
}
