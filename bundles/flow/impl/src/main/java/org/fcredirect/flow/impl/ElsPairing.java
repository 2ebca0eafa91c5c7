package org.fcredirect.flow.impl;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
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
 * <p>The fast path's workers each keep their own order, not one another's, so a reply may be
 * drained before its request: a reply that answers nothing yet waits (as a copy) up to
 * {@link #ORPHAN_NANOS} for its request, and is counted as forged only then. Requests waiting for
 * a reply, and replies waiting for a request, are bounded: the oldest is given up (counted) when a
 * bound is reached. Used by the login learner's thread only.
 */
final class ElsPairing {
    static final int MAX_PENDING = 65_536;
    static final int MAX_ORPHANS = 65_536;
    static final long ORPHAN_NANOS = 1_000_000_000L;

    private enum Kind { FABRIC_LOGIN, PLOGI, FABRIC_LOGOUT, PORT_LOGOUT }

    private record Exchange(int vsan, int originator, int responder, int oxId) {
    }

    private record Pending(Kind kind, long wwn) {
    }

    private record Orphan(int vsan, byte[] frame, long since) {
    }

    private final FrameView header = new FrameView();
    private final ElsView els = new ElsView();
    private final LearningCounters counters;
    private final Map<Exchange, Pending> pending;
    private final ArrayDeque<Orphan> orphans = new ArrayDeque<>();
    private final int maxOrphans;

    ElsPairing(LearningCounters counters, int maxPending, int maxOrphans) {
        this.counters = counters;
        this.maxOrphans = maxOrphans;
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

    int orphans() {
        return orphans.size();
    }

    /** One punted frame, its header and payload at {@code off}, seen at {@code now} (nanoseconds). */
    void accept(int vsan, byte[] buf, int off, int len, long now, LearnedBatch batch) {
        counters.add(LearningCounters.FRAMES, 1);
        if (!pair(vsan, buf, off, len, false, batch)) {
            if (orphans.size() >= maxOrphans) {
                Orphan o = orphans.poll();
                pair(o.vsan(), o.frame(), 0, o.frame().length, true, batch);
            }
            orphans.add(new Orphan(vsan, Arrays.copyOfRange(buf, off, off + len), now));
        }
    }

    /** Pairs the replies that wait with the requests that came since; counts those that waited too long. */
    void settle(long now, LearnedBatch batch) {
        for (Iterator<Orphan> i = orphans.iterator(); i.hasNext(); ) {
            Orphan o = i.next();
            if (pair(o.vsan(), o.frame(), 0, o.frame().length, now - o.since() >= ORPHAN_NANOS, batch)) {
                i.remove();
            }
        }
    }

    /** False when the frame is a reply that answers nothing yet and {@code last} is false. */
    private boolean pair(int vsan, byte[] buf, int off, int len, boolean last, LearnedBatch batch) {
        FrameView h = header.wrap(buf, off, len);
        if (h.check() != FrameView.OK || h.type() != FcType.ELS
                || els.wrap(buf, h.payloadOffset(), h.payloadLength() - h.fillBytes()) != ElsView.OK) {
            counters.ignored(LoginIgnoreReason.MALFORMED);
            return true;
        }
        int command = els.command();
        boolean reply = command == ElsCommand.LS_ACC || command == ElsCommand.LS_RJT;
        if (h.rCtl() == RCtl.ELS_REQUEST && !reply) {
            request(vsan, h.sId(), h.dId(), h.oxId(), command, batch);
            return true;
        }
        if (h.rCtl() == RCtl.ELS_REPLY && reply) {
            return reply(vsan, h.sId(), h.dId(), h.oxId(), command == ElsCommand.LS_ACC, last, batch);
        }
        counters.ignored(LoginIgnoreReason.MALFORMED);
        return true;
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

    private boolean reply(int vsan, int s, int d, int ox, boolean accepted, boolean last, LearnedBatch batch) {
        Pending p = pending.remove(new Exchange(vsan, d, s, ox));
        if (p == null) {
            Exchange fabricLogin = new Exchange(vsan, ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER, ox);
            p = s == ElsFrames.FABRIC_CONTROLLER ? pending.remove(fabricLogin) : null;
            if (p == null) {
                if (!last) {
                    return false;
                }
                // a fabric login's request stays: its real reply may still come
                counters.ignored(pending.containsKey(fabricLogin) ? LoginIgnoreReason.REPLY_NOT_FROM_FABRIC
                        : LoginIgnoreReason.REPLY_WITHOUT_REQUEST);
                return true;
            }
        }
        if (!accepted) {
            counters.add(LearningCounters.REJECTED, 1);
            return true;
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
        return true;
    }
}
