package org.fcredirect.traffic.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsPayloads;

/**
 * The fabric logins of a topology's ports, sent through the fast path as the ports and the fabric
 * controller would: hosts and targets FLOGI, each answered by the fabric controller's LS_ACC from
 * FFFFFE carrying the port's address as D_ID; then every host PLOGIs to each target it talks to
 * and the target accepts. At the end hosts and targets LOGO from the fabric and it accepts. The
 * appliances' virtual ports do not log in here: the flow manager gives them from each appliance's
 * pool as flows are placed (a VI per host and appliance: ten thousand for a large run, more than
 * the punt queues hold in one burst), and the login learner confirms an FDISC from a pool address
 * without keeping it in the table. Each step's requests pass before its replies are
 * sent, as on a real fabric, where the controller answers what reached it. The fast path punts
 * them to the login learner; where they go after that does not matter here.
 */
final class FabricLogins {
    static final String SOURCE = "traffic generator fabric logins";
    /** The fabric controller's own names, in its accepts. */
    static final Wwn FABRIC_NAME = Wwn.of(0x1000_0000_00ff_fffeL);
    /** PLOGIs use OX_IDs of their own, apart from the fabric logins'. */
    private static final int PLOGI_OX = 0x8000;

    /** A frame of a step, in the VSAN it belongs to. */
    record Frame(int vsan, int sid, int did, byte[] bytes) {
    }

    /** The requests of one step and the replies that answer them. */
    record Step(List<Frame> requests, List<Frame> replies) {
    }

    private FabricLogins() {
    }

    /** FLOGI with their accepts, then PLOGI with theirs. */
    static List<Step> logIn(TrafficTopology t) {
        Step fabric = new Step(new ArrayList<>(), new ArrayList<>());
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            int ox = 0;
            for (int h = 0; h < t.spec.initiatorsPerVsan(); h++) {
                fabricLogin(fabric, vsan, ox++, TrafficTopology.hostWwn(vsan, h), TrafficTopology.hostFcidOf(h));
            }
            for (int g = 0; g < t.spec.targetsPerVsan(); g++) {
                fabricLogin(fabric, vsan, ox++, TrafficTopology.targetWwn(vsan, g), TrafficTopology.targetFcidOf(g));
            }
        }
        Step plogi = new Step(new ArrayList<>(), new ArrayList<>());
        Set<Long> pairs = new HashSet<>();
        int ox = PLOGI_OX;
        for (int f = 0; f < t.flows; f++) {
            int vsan = t.vsan[f];
            if (!pairs.add((long) vsan << 40 | (long) t.host[f] << 20 | t.target[f])) {
                continue;
            }
            int i = t.initiatorFcid(f);
            int g = t.targetFcid(f);
            Wwn host = Wwn.of(TrafficTopology.hostWwn(vsan, t.host[f]));
            Wwn target = Wwn.of(TrafficTopology.targetWwn(vsan, t.target[f]));
            int x = ox++ & 0xFFFF;
            plogi.requests().add(new Frame(vsan, i, g, ElsFrames.request(i, g, x, ElsPayloads.plogi(host, host))));
            plogi.replies().add(new Frame(vsan, g, i, ElsFrames.reply(g, i, x, x, ElsPayloads.acceptLogin(target, target))));
        }
        return List.of(fabric, plogi);
    }

    private static void fabricLogin(Step step, int vsan, int ox, long wwn, int fcid) {
        Wwn port = Wwn.of(wwn);
        byte[] payload = ElsPayloads.flogi(port, port);
        int x = ox & 0xFFFF;
        step.requests().add(new Frame(vsan, ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER,
                ElsFrames.request(ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER, x, payload)));
        step.replies().add(new Frame(vsan, ElsFrames.FABRIC_CONTROLLER, fcid, ElsFrames.reply(ElsFrames.FABRIC_CONTROLLER,
                fcid, x, x, ElsPayloads.acceptLogin(FABRIC_NAME, FABRIC_NAME))));
    }

    /** LOGO of every host and target, with the fabric controller's accepts. */
    static List<Step> logOut(TrafficTopology t) {
        Step logo = new Step(new ArrayList<>(), new ArrayList<>());
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            int ox = 0;
            for (int h = 0; h < t.spec.initiatorsPerVsan(); h++) {
                logout(logo, vsan, ox++, TrafficTopology.hostWwn(vsan, h), TrafficTopology.hostFcidOf(h));
            }
            for (int g = 0; g < t.spec.targetsPerVsan(); g++) {
                logout(logo, vsan, ox++, TrafficTopology.targetWwn(vsan, g), TrafficTopology.targetFcidOf(g));
            }
        }
        return List.of(logo);
    }

    private static void logout(Step step, int vsan, int ox, long wwn, int fcid) {
        int x = ox & 0xFFFF;
        step.requests().add(new Frame(vsan, fcid, ElsFrames.FABRIC_CONTROLLER,
                ElsFrames.request(fcid, ElsFrames.FABRIC_CONTROLLER, x, ElsPayloads.logo(fcid, Wwn.of(wwn)))));
        step.replies().add(new Frame(vsan, ElsFrames.FABRIC_CONTROLLER, fcid,
                ElsFrames.reply(ElsFrames.FABRIC_CONTROLLER, fcid, x, x, ElsPayloads.accept())));
    }

    /**
     * Sends the steps through a port of their own; each batch of frames has passed before the next
     * is sent. Returns how many frames went (all came back).
     */
    static long send(FrameSources host, List<Step> steps) {
        long n = 0;
        try (FramePort port = host.open(SOURCE)) {
            for (Step s : steps) {
                pass(port, s.requests());
                pass(port, s.replies());
                n += s.requests().size() + s.replies().size();
            }
        }
        return n;
    }

    private static void pass(FramePort port, List<Frame> frames) {
        Consumer<FrameBatch> release = port::release;
        int next = 0;
        while (next < frames.size() || port.inFlight() > 0) {
            boolean progressed = false;
            if (next < frames.size()) {
                Frame f = frames.get(next);
                FrameBatch b = port.claim(port.worker(f.vsan(), f.sid(), f.did()), f.bytes().length);
                if (b != null) {
                    int at = b.add(f.vsan(), System.nanoTime(), next, f.bytes().length);
                    System.arraycopy(f.bytes(), 0, b.data(), at, f.bytes().length);
                    next++;
                    progressed = true;
                }
            }
            if (next == frames.size() || !progressed) {
                port.publish();
            }
            progressed |= port.poll(release) > 0;
            if (port.stopped()) {
                throw new IllegalStateException("the fast path stopped while the generator's ports logged in or out");
            }
            port.pace(progressed);
        }
    }
}
