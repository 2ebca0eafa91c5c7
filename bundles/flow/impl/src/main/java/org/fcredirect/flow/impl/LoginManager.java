package org.fcredirect.flow.impl;

import java.util.List;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.impl.FlowChange.PortLoggedOut;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login table over the {@link FlowStore}: a component of its own because its callers (the
 * fast path's punted logins, the shell) need nothing else of the flow manager, and a login moves
 * flows (a target's FCID changes its rules) only through the store it shares with them.
 */
@Component(service = LoginTable.class, immediate = true, property = "fcr.mbean=org.fcredirect:type=FlowManager")
public class LoginManager implements LoginTable {
    private static final Logger LOG = LoggerFactory.getLogger(LoginManager.class);

    private final FlowStore store;
    private final FlowModel model;

    @Activate
    public LoginManager(@Reference(name = "store") FlowStore store) {
        this.store = store;
        this.model = store.model();
    }

    @Override
    public void login(VsanId vsan, Wwn pwwn, FcId fcid) {
        loginAll(List.of(new PortLogin(vsan, pwwn, fcid)));
    }

    @Override
    public void loginAll(List<PortLogin> logins) {
        List<PortLogin> all = List.copyOf(logins);
        store.change(effects -> {
            List<PortLogin> changed = new LoginCheck(model).check(all);
            if (!changed.isEmpty()) {
                store.commit(List.of(new PortsLoggedIn(store.now(), changed)), effects);
                LOG.debug("{} ports logged in", changed.size());
            }
            return null;
        });
    }

    @Override
    public void logout(VsanId vsan, Wwn pwwn) {
        store.change(effects -> {
            if (model.logins.fcidOf(vsan.value(), pwwn.value()) == LoginRegistry.NOT_LOGGED_IN) {
                throw new NotFoundException("pwwn", pwwn, "is not logged in to VSAN " + vsan);
            }
            store.commit(List.of(new PortLoggedOut(store.now(), vsan, pwwn)), effects);
            LOG.debug("Port {} logged out of VSAN {}", pwwn, vsan);
            return null;
        });
    }

    @Override
    public Optional<FcId> fcidOf(VsanId vsan, Wwn pwwn) {
        return store.read(() -> {
            int f = model.logins.fcidOf(vsan.value(), pwwn.value());
            return f == LoginRegistry.NOT_LOGGED_IN ? Optional.<FcId>empty() : Optional.of(FcId.of(f));
        });
    }

    @Override
    public Optional<Wwn> pwwnOf(VsanId vsan, FcId fcid) {
        return store.read(() -> {
            long w = model.logins.wwnAt(vsan.value(), fcid.value());
            return w == LongLongMap.MISSING ? Optional.<Wwn>empty() : Optional.of(Wwn.of(w));
        });
    }

    @Override
    public List<PortLogin> logins(VsanId vsan) {
        return store.read(() -> model.logins.list(vsan.value()));
    }

    @Override
    public List<PortLogin> logins() {
        return store.read(() -> model.logins.list());
    }

    @Override
    public int loginCount() {
        return store.read(() -> model.logins.count());
    }
}
