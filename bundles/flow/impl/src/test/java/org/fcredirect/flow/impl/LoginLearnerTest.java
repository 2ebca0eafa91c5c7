package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.hostFcid;
import static org.fcredirect.flow.impl.Fabric.ports;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.fcredirect.flow.impl.Fabric.targetFcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsPayloads;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.LearningStatus;
import org.fcredirect.flow.api.LoginIgnoreReason;
import org.fcredirect.flow.api.VirtualPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins learned from punted ELS frames: pairing, every reason to ignore one, learning off, batching. */
class LoginLearnerTest {
    static final int V = VSAN.value();
    static final int FABRIC = ElsFrames.FABRIC_CONTROLLER;

    private final Fabric fabric = new Fabric();
    private final FakePunts punts = new FakePunts();
    private final LoginLearner learner = new LoginLearner();
    private int ox = 0x100;
    private long clock;

    LoginLearnerTest() {
        learner.store = fabric.store;
        learner.nanos = () -> clock;
        learner.bindSource(punts);
    }

    @AfterEach
    void close() {
        fabric.close();
    }

    /** Drains everything, then lets the replies that still answer nothing age out. */
    private void learn() {
        while (learner.round() > 0) {
            // until the source is empty
        }
        clock += ElsPairing.ORPHAN_NANOS;
        learner.round();
    }

    /** FLOGI from a port without an address and the fabric controller's accept giving it {@code fcid}. */
    private void flogi(Wwn port, FcId fcid) {
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(port, port)));
        punts.punt(V, ElsFrames.reply(FABRIC, fcid.value(), x, x, ElsPayloads.acceptLogin(port, port)));
    }

    private Optional<FcId> fcidOf(Wwn port) {
        return fabric.logins.fcidOf(VSAN, port);
    }

    private LearningStatus status() {
        return learner.learningStatus();
    }

    private long ignored(LoginIgnoreReason r) {
        return status().ignored().get(r);
    }

    /** Only {@code reason} was counted, {@code n} times. */
    private void onlyIgnored(LoginIgnoreReason reason, long n) {
        for (LoginIgnoreReason r : LoginIgnoreReason.values()) {
            assertEquals(r == reason ? n : 0, ignored(r), r.toString());
        }
    }

    @Test
    void flogiAndItsAcceptLogThePortInAndTheFlowTurnsActive() {
        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId id = fabric.flows.create(spec(1, 1).appliance("enc1").build());
        flogi(host(1), hostFcid(1));
        flogi(target(1), targetFcid(1));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
        assertEquals(Optional.of(targetFcid(1)), fcidOf(target(1)));
        assertEquals(FlowState.ACTIVE, fabric.flows.get(id).orElseThrow().state());
        assertEquals(2, status().loginsLearned());
        assertEquals(4, status().framesSeen());
        assertEquals(0, status().pendingRequests());
        assertEquals(0, status().ignoredTotal());
    }

    @Test
    void fdiscLogsInAsFlogiDoes() {
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.fdisc(host(2), host(2))));
        punts.punt(V, ElsFrames.reply(FABRIC, hostFcid(2).value(), x, x, ElsPayloads.acceptLogin(host(9), host(9))));
        learn();
        assertEquals(Optional.of(hostFcid(2)), fcidOf(host(2)));
    }

    @Test
    void aPlogiConfirmsItsSenderAndItsAcceptTeachesTheResponder() {
        flogi(host(1), hostFcid(1));
        learn();
        punts.punt(V, ElsFrames.request(hostFcid(1).value(), targetFcid(1).value(), 7, ElsPayloads.plogi(host(1), host(1))));
        punts.punt(V, ElsFrames.reply(targetFcid(1).value(), hostFcid(1).value(), 7, 8,
                ElsPayloads.acceptLogin(target(1), target(1))));
        learn();
        assertEquals(1, status().loginsConfirmed());
        assertEquals(Optional.of(targetFcid(1)), fcidOf(target(1)), "learned from the accept");
        assertEquals(2, status().loginsLearned());
    }

    @Test
    void aPlogiFromAnAddressNobodyHoldsTeachesIt() {
        punts.punt(V, ElsFrames.request(hostFcid(3).value(), targetFcid(1).value(), 7, ElsPayloads.plogi(host(3), host(3))));
        learn();
        assertEquals(Optional.of(hostFcid(3)), fcidOf(host(3)));
        assertEquals(1, status().pendingRequests(), "its accept is awaited");
    }

    @Test
    void aLogoToTheFabricAndItsAcceptLogThePortOut() {
        fabric.appliances.add(appliance("enc1", "g", 1));
        FlowId id = fabric.flows.create(spec(1, 1).appliance("enc1").build());
        flogi(host(1), hostFcid(1));
        flogi(target(1), targetFcid(1));
        int h = hostFcid(1).value();
        punts.punt(V, ElsFrames.request(h, FABRIC, 0x77, ElsPayloads.logo(h, host(1))));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)), "out only once the fabric accepts");
        punts.punt(V, ElsFrames.reply(FABRIC, h, 0x77, 0x78, ElsPayloads.accept()));
        learn();
        assertEquals(Optional.empty(), fcidOf(host(1)));
        assertEquals(FlowState.PENDING, fabric.flows.get(id).orElseThrow().state());
        assertEquals(1, status().logoutsLearned());
    }

    @Test
    void aLogoToAnotherPortEndsOnlyThatSession() {
        flogi(host(1), hostFcid(1));
        int h = hostFcid(1).value();
        punts.punt(V, ElsFrames.request(h, targetFcid(1).value(), 0x77, ElsPayloads.logo(h, host(1))));
        punts.punt(V, ElsFrames.reply(targetFcid(1).value(), h, 0x77, 0x78, ElsPayloads.accept()));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
        onlyIgnored(null, 0);
    }

    @Test
    void anAcceptNotFromTheFabricControllerIsIgnoredAndTheRealOneStillCounts() {
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(1), host(1))));
        punts.punt(V, ElsFrames.reply(0x0a0a0a, 0x0a0b0b, x, x, ElsPayloads.acceptLogin(host(1), host(1))));
        learn();
        assertEquals(Optional.empty(), fcidOf(host(1)));
        onlyIgnored(LoginIgnoreReason.REPLY_NOT_FROM_FABRIC, 1);
        punts.punt(V, ElsFrames.reply(FABRIC, hostFcid(1).value(), x, x, ElsPayloads.acceptLogin(host(1), host(1))));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
    }

    @Test
    void aReplyDrainedBeforeItsRequestWaitsForIt() {
        int x = ox++;
        punts.punt(V, ElsFrames.reply(FABRIC, hostFcid(1).value(), x, x, ElsPayloads.acceptLogin(host(1), host(1))));
        learner.round();
        assertEquals(0, fabric.logins.loginCount());
        clock += ElsPairing.ORPHAN_NANOS / 2;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(1), host(1))));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
        onlyIgnored(null, 0);
    }

    @Test
    void anAcceptWithoutARequestIsIgnored() {
        punts.punt(V, ElsFrames.reply(FABRIC, hostFcid(1).value(), 0x55, 0x55, ElsPayloads.acceptLogin(host(1), host(1))));
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(2), host(2))));
        punts.punt(11, ElsFrames.reply(FABRIC, hostFcid(2).value(), x, x, ElsPayloads.accept()));
        learn();
        assertEquals(0, fabric.logins.loginCount());
        onlyIgnored(LoginIgnoreReason.REPLY_WITHOUT_REQUEST, 2);
    }

    @Test
    void aLogoForAPortNeverLoggedInIsIgnored() {
        flogi(host(1), hostFcid(1));
        int h = hostFcid(2).value();
        punts.punt(V, ElsFrames.request(h, FABRIC, 0x77, ElsPayloads.logo(h, host(2))));
        int h1 = hostFcid(1).value();
        punts.punt(V, ElsFrames.request(h, FABRIC, 0x78, ElsPayloads.logo(h, host(1))));
        punts.punt(V, ElsFrames.request(h1, FABRIC, 0x79, ElsPayloads.logo(h1, host(2))));
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
        onlyIgnored(LoginIgnoreReason.LOGOUT_UNKNOWN_PORT, 3);
    }

    @Test
    void anAddressHeldByAnotherPortOrAVirtualPortIsNotTaken() {
        fabric.appliances.add(appliance("enc1", "g", 1));
        VirtualPorts vp = ports(VSAN, 1);
        flogi(host(1), hostFcid(1));
        flogi(host(2), hostFcid(1));
        flogi(host(3), vp.vtFcid());
        learn();
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)));
        assertEquals(Optional.empty(), fcidOf(host(2)));
        assertEquals(Optional.empty(), fcidOf(host(3)));
        onlyIgnored(LoginIgnoreReason.FCID_TAKEN, 2);
    }

    @Test
    void anAppliancesVirtualPortIsConfirmedAtItsOwnAddressOnly() {
        fabric.appliances.add(appliance("enc1", "g", 1));
        VirtualPorts vp = ports(VSAN, 1);
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.fdisc(vp.vtPwwn(), vp.vtPwwn())));
        punts.punt(V, ElsFrames.reply(FABRIC, vp.vtFcid().value(), x, x, ElsPayloads.accept()));
        flogi(vp.viPwwn(), hostFcid(5));
        learn();
        assertEquals(0, fabric.logins.loginCount(), "virtual ports are the appliance's, not the table's");
        assertEquals(1, status().loginsConfirmed());
        onlyIgnored(LoginIgnoreReason.VIRTUAL_PORT_MISMATCH, 1);
    }

    @Test
    void malformedFramesAreCountedAndChangeNothing() {
        byte[] shortFlogi = ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, 1, Arrays.copyOf(
                ElsPayloads.flogi(host(1), host(1)), 100));
        punts.punt(V, shortFlogi);
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, 0x0a0100, 2, ElsPayloads.flogi(host(1), host(1))));
        punts.punt(V, ElsFrames.request(hostFcid(1).value(), FABRIC, 3, ElsPayloads.logo(hostFcid(2).value(), host(1))));
        punts.punt(V, ElsFrames.request(hostFcid(1).value(), FABRIC, 4, ElsPayloads.accept()));
        punts.punt(V, ElsFrames.reply(FABRIC, hostFcid(1).value(), 5, 5, ElsPayloads.plogi(host(1), host(1))));
        punts.punt(V, Arrays.copyOf(ElsFrames.request(0, FABRIC, 6, ElsPayloads.accept()), 20));
        byte[] prli = new byte[20];
        prli[0] = 0x20;
        punts.punt(V, ElsFrames.request(hostFcid(1).value(), targetFcid(1).value(), 7, prli));
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(1), host(1))));
        punts.punt(V, ElsFrames.reply(FABRIC, 0xFFFFFD, x, x, ElsPayloads.accept()));
        learn();
        assertEquals(0, fabric.logins.loginCount());
        onlyIgnored(LoginIgnoreReason.MALFORMED, 8);
    }

    @Test
    void aRejectEndsTheRequestAndLearnsNothing() {
        int x = ox++;
        punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(1), host(1))));
        punts.punt(V, ElsFrames.reply(FABRIC, ElsFrames.UNIDENTIFIED, x, x, ElsPayloads.reject(ElsPayloads.REJECT_UNABLE, 0)));
        learn();
        assertEquals(0, fabric.logins.loginCount());
        assertEquals(1, status().rejected());
        assertEquals(0, status().pendingRequests());
    }

    @Test
    void withLearningOffFramesAreDrainedAndIgnored() {
        fabric.store.settings(new FlowSettings(10_000, true, org.fcredirect.flow.api.FailoverMode.STANDBY,
                org.fcredirect.flow.api.FlowAction.PERMIT, 5, false));
        flogi(host(1), hostFcid(1));
        learn();
        assertEquals(0, fabric.logins.loginCount());
        assertEquals(2, status().framesSeen());
        assertTrue(!status().enabled());
        fabric.loginHost(1);
        assertEquals(Optional.of(hostFcid(1)), fcidOf(host(1)), "fcr:login still works");
    }

    @Test
    void aRefusedAppendLosesTheDrainCounted() {
        flogi(host(1), hostFcid(1));
        fabric.log.failAppends(true);
        learn();
        fabric.log.failAppends(false);
        assertEquals(0, fabric.logins.loginCount());
        onlyIgnored(LoginIgnoreReason.NOT_STORED, 1);
    }

    @Test
    void tenThousandPortsLogInWithAFewAppends() {
        long before = fabric.log.appendCalls();
        for (int i = 0; i < 10_000; i++) {
            int x = i & 0xFFFF;
            punts.punt(V, ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(i), host(i))));
            punts.punt(V, ElsFrames.reply(FABRIC, 0x010000 + i + 1, x, x, ElsPayloads.acceptLogin(host(i), host(i))));
        }
        learn();
        assertEquals(10_000, fabric.logins.loginCount());
        assertEquals(10_000, status().loginsLearned());
        long appends = fabric.log.appendCalls() - before;
        assertTrue(appends <= 2 * (20_000 / LoginLearner.DRAIN_MAX + 1), appends + " appends");
        fabric.restart();
        assertEquals(10_000, fabric.logins.loginCount(), "durable");
    }

    @Test
    void requestsAndRepliesWaitingAreBoundedAndTheOldestGivenUp() {
        LearningCounters counters = new LearningCounters();
        ElsPairing pairing = new ElsPairing(counters, 2, 2);
        LearnedBatch batch = new LearnedBatch(fabric.store.model(), 0, counters);
        for (int x = 0; x < 3; x++) {
            byte[] f = ElsFrames.request(ElsFrames.UNIDENTIFIED, FABRIC, x, ElsPayloads.flogi(host(x), host(x)));
            pairing.accept(V, f, 0, f.length, 0, batch);
        }
        assertEquals(2, pairing.pending());
        assertEquals(1, counters.get(LearningCounters.EXPIRED));
        for (int x = 10; x < 13; x++) {
            byte[] acc = ElsFrames.reply(FABRIC, hostFcid(1).value(), x, x, ElsPayloads.accept());
            pairing.accept(V, acc, 0, acc.length, 0, batch);
        }
        assertEquals(2, pairing.orphans());
        assertEquals(1, counters.ignoredByReason().get(LoginIgnoreReason.REPLY_WITHOUT_REQUEST), "the oldest given up");
        pairing.settle(ElsPairing.ORPHAN_NANOS, batch);
        assertEquals(0, pairing.orphans());
        assertEquals(3, counters.ignoredByReason().get(LoginIgnoreReason.REPLY_WITHOUT_REQUEST));
    }
}
