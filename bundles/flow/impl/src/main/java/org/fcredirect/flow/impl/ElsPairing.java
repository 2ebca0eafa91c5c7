package org.fcredirect.flow.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.els.ElsCommand;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsView;
import org.fcredirect.flow.api.LoginIgnoreReason;

/**
 * Pairs punted ELS requests with their replies by VSAN and exchange (originator, responder,
 * OX_ID) and tells a {@link LearnedBatch} what the fabric did: the accept of a FLOGI or FDISC, from
 * the fabric controller, gives the requesting pWWN the accept's D_ID; a PLOGI shows its sender's
 * address and its accept the responder's; the accept of a LOGO to the fabric logs the port out
 * (a LOGO to another port only ends that session). A fabric login's originator has no address
 * yet, so its exchange is known by VSAN and OX_ID alone.
 *
 * <p>Requests waiting for a reply are bounded: the oldest is given up (counted) when the bound is
 * reached. Used by the login learner's thread only.
 */
final class ElsPairing {
    static final int MAX_PENDING = 65_536;

    private enum Kind { FABRIC_LOGIN, PLOGI, FABRIC_LOGOUT, PORT_LOGOUT }

    private record Exchange(int vsan, int originator, int responder, int oxId) {
    }

    private record Pending(Kind kind, long wwn) {
    }

    private final FrameView header = new FrameView();
    private final ElsView els = new ElsView();
    private final LearningCounters counters;
    private final Map<Exchange, Pending> pending;

    ElsPairing(LearningCounters counters, int maxPending) {
        this.counters = counters;
        this.pending = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Exchange, Pending> eldest) {
                if (size() > maxPending) {
                    counters.add(LearningCounters.EXPIRED, 1);
                    return true;
                }
                return false;
            }
        };
    }

    int pending() {
        return pending.size();
    }

    /** One punted frame: its header and payload at {@code off}. */
    void accept(int vsan, byte[] buf, int off, int len, LearnedBatch batch) {
        counters.add(LearningCounters.FRAMES, 1);
        FrameView h = header.wrap(buf, off, len);
        if (h.check() != FrameView.OK || h.type() != FcType.ELS
                || els.wrap(buf, h.payloadOffset(), h.payloadLength() - h.fillBytes()) != ElsView.OK) {
            counters.ignored(LoginIgnoreReason.MALFORMED);
            return;
        }
        int command = els.command();
        boolean reply = command == ElsCommand.LS_ACC || command == ElsCommand.LS_RJT;
        if (h.rCtl() == RCtl.ELS_REQUEST && !reply) {
            request(vsan, h.sId(), h.dId(), h.oxId(), command, batch);
        } else if (h.rCtl() == RCtl.ELS_REPLY && reply) {
            reply(vsan, h.sId(), h.dId(), h.oxId(), command == ElsCommand.LS_ACC, batch);
        } else {
            counters.ignored(LoginIgnoreReason.MALFORMED);
        }
    }

    private void request(int vsan, int s, int d, int ox, int command, LearnedBatch batch) {
        switch (command) {
            case ElsCommand.FLOGI, ElsCommand.FDISC -> {
                if (d != ElsFrames.FABRIC_CONTROLLER) {
                    counters.ignored(LoginIgnoreReason.MALFORMED);
                    return;
                }
                pending.put(new Exchange(vsan, ElsFrames.UNIDENTIFIED, d, ox), new Pending(Kind.FABRIC_LOGIN,
                        els.portName()));
            }
            case ElsCommand.PLOGI -> {
                batch.login(vsan, els.portName(), s);
                pending.put(new Exchange(vsan, s, d, ox), new Pending(Kind.PLOGI, els.portName()));
            }
            case ElsCommand.LOGO -> {
                long wwn = els.portName();
                if (els.nPortId() != s) {
                    counters.ignored(LoginIgnoreReason.MALFORMED);
                } else if (!batch.loggedInAt(vsan, wwn, s)) {
                    counters.ignored(LoginIgnoreReason.LOGOUT_UNKNOWN_PORT);
                } else {
                    Kind k = d == ElsFrames.FABRIC_CONTROLLER ? Kind.FABRIC_LOGOUT : Kind.PORT_LOGOUT;
                    pending.put(new Exchange(vsan, s, d, ox), new Pending(k, wwn));
                }
            }
            default -> counters.ignored(LoginIgnoreReason.MALFORMED);
        }
    }

    private void reply(int vsan, int s, int d, int ox, boolean accepted, LearnedBatch batch) {
        Pending p = pending.remove(new Exchange(vsan, d, s, ox));
        if (p == null) {
            Exchange fabricLogin = new Exchange(vsan, ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER, ox);
            p = pending.get(fabricLogin);
            if (p == null) {
                counters.ignored(LoginIgnoreReason.REPLY_WITHOUT_REQUEST);
                return;
            }
            if (s != ElsFrames.FABRIC_CONTROLLER) {
                // the real reply may still come: the request stays
                counters.ignored(LoginIgnoreReason.REPLY_NOT_FROM_FABRIC);
                return;
            }
            pending.remove(fabricLogin);
        }
        if (!accepted) {
            counters.add(LearningCounters.REJECTED, 1);
            return;
        }
        switch (p.kind()) {
            case FABRIC_LOGIN -> batch.login(vsan, p.wwn(), d);
            case PLOGI -> {
                if (els.hasServiceParameters()) {
                    batch.login(vsan, els.portName(), s);
                } else {
                    counters.ignored(LoginIgnoreReason.MALFORMED);
                }
            }
            case FABRIC_LOGOUT -> batch.logout(vsan, p.wwn(), d);
            case PORT_LOGOUT -> {
                // a session ends; both ports stay logged in to the fabric
            }
        }
    }
}
