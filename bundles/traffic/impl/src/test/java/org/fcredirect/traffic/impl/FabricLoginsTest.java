package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.els.ElsCommand;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsView;
import org.fcredirect.traffic.api.TrafficSpec;
import org.junit.jupiter.api.Test;

/** The generator's login sequence: who sends what to whom, and what the fabric answers. */
class FabricLoginsTest {
    static final TrafficSpec SPEC = TrafficSpec.builder().vsans(2).firstVsan(10).initiatorsPerVsan(3)
            .targetsPerVsan(4).flowsPerInitiator(2).appliances(2).redirectPercent(100).build();
    private final TrafficTopology topology = new TrafficTopology(SPEC);
    private final FrameView h = new FrameView();
    private final ElsView els = new ElsView();

    private int command(FabricLogins.Frame f) {
        h.wrap(f.bytes(), 0, f.bytes().length);
        assertEquals(FrameView.OK, h.check());
        assertEquals(f.sid(), h.sId());
        assertEquals(f.did(), h.dId());
        assertEquals(ElsView.OK, els.wrap(f.bytes(), h.payloadOffset(), h.payloadLength() - h.fillBytes()));
        return els.command();
    }

    @Test
    void everyPortLogsInToTheFabricAndTheControllerGivesItsAddress() {
        FabricLogins.Step fabric = FabricLogins.logIn(topology).get(0);
        int ports = 2 * (3 + 4);
        assertEquals(ports, fabric.requests().size());
        assertEquals(ports, fabric.replies().size());
        Set<Long> names = new HashSet<>();
        for (int k = 0; k < ports; k++) {
            FabricLogins.Frame request = fabric.requests().get(k);
            int c = command(request);
            assertEquals(ElsCommand.FLOGI, c);
            assertEquals(ElsFrames.UNIDENTIFIED, request.sid());
            assertEquals(ElsFrames.FABRIC_CONTROLLER, request.did());
            assertTrue(names.add(els.portName()), "one login per port");
            int ox = h.oxId();
            FabricLogins.Frame reply = fabric.replies().get(k);
            assertEquals(ElsCommand.LS_ACC, command(reply));
            assertEquals(RCtl.ELS_REPLY, h.rCtl());
            assertEquals(ox, h.oxId());
            assertEquals(ElsFrames.FABRIC_CONTROLLER, h.sId());
            assertEquals(request.vsan(), reply.vsan());
        }
        FabricLogins.Frame first = fabric.replies().get(0);
        assertEquals(TrafficTopology.hostFcidOf(0), first.did());
        assertEquals(10, first.vsan());
    }

    @Test
    void hostsPlogiToTheTargetsTheyTalkTo() {
        FabricLogins.Step plogi = FabricLogins.logIn(topology).get(1);
        assertEquals(topology.flows, plogi.requests().size(), "one PLOGI per host and target pair");
        for (int f = 0; f < topology.flows; f++) {
            FabricLogins.Frame request = plogi.requests().get(f);
            assertEquals(ElsCommand.PLOGI, command(request));
            assertEquals(TrafficTopology.hostWwn(topology.vsan[f], topology.host[f]), els.portName());
            assertEquals(topology.initiatorFcid(f), request.sid());
            assertEquals(topology.targetFcid(f), request.did());
            FabricLogins.Frame reply = plogi.replies().get(f);
            assertEquals(ElsCommand.LS_ACC, command(reply));
            assertEquals(TrafficTopology.targetWwn(topology.vsan[f], topology.target[f]), els.portName());
            assertEquals(topology.targetFcid(f), reply.sid());
        }
    }

    @Test
    void hostsAndTargetsLogOutOfTheFabric() {
        List<FabricLogins.Step> out = FabricLogins.logOut(topology);
        FabricLogins.Step logo = out.get(0);
        assertEquals(2 * (3 + 4), logo.requests().size());
        for (int k = 0; k < logo.requests().size(); k++) {
            FabricLogins.Frame request = logo.requests().get(k);
            assertEquals(ElsCommand.LOGO, command(request));
            assertEquals(request.sid(), els.nPortId());
            assertEquals(ElsFrames.FABRIC_CONTROLLER, request.did());
            FabricLogins.Frame reply = logo.replies().get(k);
            assertEquals(ElsCommand.LS_ACC, command(reply));
            assertEquals(request.sid(), reply.did());
        }
    }
}
