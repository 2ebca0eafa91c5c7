package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.PcapWriter;
import org.fcredirect.fc.capture.TimestampResolution;
import org.fcredirect.fc.els.ElsFrames;
import org.fcredirect.fc.els.ElsPayloads;
import org.fcredirect.fc.fcp.FcpCmnd;
import org.fcredirect.fc.fcp.FcpRsp;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.LearningStatus;
import org.fcredirect.flow.api.LoginIgnoreReason;
import org.fcredirect.flow.api.LoginLearning;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.traffic.api.ReplayResult;
import org.fcredirect.traffic.api.TrafficService;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * The flow manager and policy engine in the assembly, driven through the real command processor:
 * ports log in, an appliance and a policy are added, flows turn active with their rewrite rules,
 * everything is back after a restart of both bundles, and bad input changes nothing. A replayed
 * capture that starts with fabric logins needs no {@code fcr:login}: the login table learns them.
 */
public class ControlPlaneIT extends FcrTestSupport {
    static final String HOST = "20:00:00:25:b5:0a:00:01";
    static final String HOST2 = "20:00:00:25:b5:0a:00:02";
    static final String ARRAY = "50:06:01:60:3b:a0:00:01";
    static final String VT = "2f:00:00:11:22:33:00:01";
    static final String VI = "2f:00:00:11:22:33:00:02";

    @Test
    public void redirectedFlowLifecycleSurvivesRestartAndRejectsBadInput() throws Exception {
        execute("fcr:login 10 " + HOST + " 0x0a0100");
        execute("fcr:login 10 " + HOST2 + " 0x0a0101");
        execute("fcr:login 10 " + ARRAY + " 0x0a0200");
        execute("fcr:appliance-add --group crypt --ports 10/" + VT + "/0x0b0100/" + VI + "/0x0b0101 crypt-1");
        execute("fcr:policy-add --priority 100 --vsan 10 --target 50:06:01:60:* --action redirect"
                + " --group crypt --balancing target-affinity --failover block encrypt-array");

        String created = execute("fcr:flow-create --vsan 10 --initiator " + HOST + " --target " + ARRAY + " -d 'db01 to array'");
        long id = Long.parseLong(created.replaceAll("(?s)^flow (\\d+) created.*", "$1").strip());
        assertTrue(created, created.contains("state active"));

        String show = execute("fcr:flow-show " + id);
        assertTrue(show, show.contains("crypt-1") && show.contains("encrypt-array"));
        // I->T becomes I->VT; VI->T leaves as I->T; T->I becomes T->VI; VT->I leaves as T->I
        assertTrue(show, show.contains("0x0a0100   | 0x0a0200   | *   | rewrite | 0x0a0100 | 0x0b0100"));
        assertTrue(show, show.contains("0x0b0101   | 0x0a0200   | *   | rewrite | 0x0a0100 | 0x0a0200"));
        assertTrue(show, show.contains("0x0a0200   | 0x0a0100   | *   | rewrite | 0x0a0200 | 0x0b0101"));
        assertTrue(show, show.contains("0x0b0100   | 0x0a0100   | *   | rewrite | 0x0a0200 | 0x0a0100"));

        String json = execute("fcr:flows --state active --json");
        assertTrue(json, json.contains("\"id\":" + id) && json.contains("\"appliance\":\"crypt-1\""));
        String before = state();

        Path bad = Files.createTempFile("flows-bad", ".csv");
        Files.writeString(bad, "vsan,initiator,target\n10," + HOST2 + "," + ARRAY + "\n10,not-a-wwn," + ARRAY + "\n",
                StandardCharsets.UTF_8);
        assertRejected("fcr:flow-import " + bad, "line 3");
        assertRejected("fcr:flow-create --vsan 10 --initiator 20:00:zz --target " + ARRAY, "20:00:zz");
        assertRejected("fcr:flow-create --vsan 4095 --initiator " + HOST2 + " --target " + ARRAY, "4095");
        assertRejected("fcr:flow-create --vsan 10 --initiator " + HOST + " --target " + ARRAY, "already");
        assertRejected("fcr:flow-create --vsan 10 --initiator " + HOST2 + " --target " + ARRAY + " --appliance nope", "nope");
        assertRejected("fcr:policy-add --priority 100 --vsan 10 --target 50:06:01:60:3b:* --action permit clash", "100");
        assertRejected("fcr:flow-show 999999", "999999");
        assertRejected("fcr:flows --limit 0", "--limit 0");
        assertEquals("bad input changed nothing", before, state());

        Path good = Files.createTempFile("flows-good", ".csv");
        Files.writeString(good, "vsan,initiator,target,lun\n10," + HOST2 + "," + ARRAY + ",3\n", StandardCharsets.UTF_8);
        assertTrue(execute("fcr:flow-import " + good).contains("1 flows imported"));
        String afterImport = state();

        restart("org.fcredirect.policy-impl");
        restart("org.fcredirect.flow-impl");
        await("flows back after restart", () -> {
            try {
                return state().equals(afterImport);
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(execute("fcr:flow-show " + id).contains("0x0b0100"));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName flowManager = new ObjectName("org.fcredirect:type=FlowManager");
        await("FlowManager MBean", () -> server.isRegistered(flowManager));
        assertTrue((Long) server.getAttribute(flowManager, "FlowCount") >= 2L);
        ObjectName policyEngine = new ObjectName("org.fcredirect:type=PolicyEngine");
        await("PolicyEngine MBean", () -> server.isRegistered(policyEngine));
        assertEquals(1, server.getAttribute(policyEngine, "PolicyCount"));
        String decision = (String) server.invoke(policyEngine, "evaluate", new Object[] {10, HOST2, ARRAY},
                new String[] {"int", "java.lang.String", "java.lang.String"});
        assertTrue(decision, decision.contains("encrypt-array"));
    }

    @Test
    public void logoutMakesFlowsPendingAndLoginActivatesThem() throws Exception {
        execute("fcr:login 20 21:00:00:24:ff:00:00:01 0x140100");
        execute("fcr:login 20 50:00:09:72:00:00:00:01 0x140200");
        String created = execute("fcr:flow-create --vsan 20 --initiator 21:00:00:24:ff:00:00:01 --target 50:00:09:72:00:00:00:01");
        long id = Long.parseLong(created.replaceAll("(?s)^flow (\\d+) created.*", "$1").strip());
        execute("fcr:logout 20 50:00:09:72:00:00:00:01");
        assertTrue(execute("fcr:flow-show --json " + id).contains("\"state\":\"pending\""));
        execute("fcr:login 20 50:00:09:72:00:00:00:01 0x140201");
        String json = execute("fcr:flow-show --json " + id);
        assertTrue(json, !json.contains("\"state\":\"pending\"") && json.contains("\"target_fcid\":\"0x140201\""));
        assertRejected("fcr:login 20 50:00:09:72:00:00:00:01 0xfffffc", "0xfffffc");
    }

    @Test
    public void badArgumentsGetOneClearLine() {
        assertRejected("fcr:appliance-add --group g --ports 10/zz x1", "ports '10,zz'");
        assertRejected("fcr:appliance-recover nosuch", "nosuch");
        assertRejected("fcr:appliance-remove nosuch", "nosuch");
        assertRejected("fcr:flow-delete abc", "flow id 'abc'");
        assertRejected("fcr:flow-delete 999999", "999999");
        assertRejected("fcr:flow-export /nonexistent/dir/x.csv", "directory does not exist");
        assertRejected("fcr:flow-export --format xml /tmp/flows.xml", "format 'xml'");
        assertRejected("fcr:logins --vsan 0", "VSAN '0'");
        assertRejected("fcr:logout 10 zz", "WWN 'zz'");
        assertRejected("fcr:logout 10 20:00:00:25:b5:0a:00:99", "not logged in");
        assertRejected("fcr:policy-remove nosuch", "nosuch");
        assertRejected("fcr:policy-eval --vsan 10 --initiator zz --target " + ARRAY, "zz");
        assertRejected("fcr:config nosuchservice", "nosuchservice");
        assertRejected("fcr:config-commit", "nothing is staged");
        assertRejected("fcr:config-rollback 999", "999");
        assertRejected("fcr:stats-chart --minutes 0", "--minutes 0");
        assertRejected("fcr:top --by fast", "--by 'fast'");
    }

    private String state() throws Exception {
        return execute("fcr:flows --json -n 1000") + execute("fcr:logins --json") + execute("fcr:appliances --json")
                + execute("fcr:policies --json").replaceAll("\"cache\":\\{.*\\}", "");
    }

    private void restart(String symbolicName) throws Exception {
        Bundle b = bundle(symbolicName);
        b.stop();
        b.start();
        await(symbolicName + " active", () -> b.getState() == Bundle.ACTIVE);
    }

    static final int LEARN_VSAN = 31;
    static final Wwn H1 = Wwn.parse("20:00:00:25:b5:1f:00:01");
    static final Wwn H2 = Wwn.parse("20:00:00:25:b5:1f:00:02");
    static final Wwn T1 = Wwn.parse("50:06:01:60:3b:1f:00:01");
    static final Wwn LEARN_VT = Wwn.parse("2f:00:00:11:22:1f:00:01");
    static final Wwn LEARN_VI = Wwn.parse("2f:00:00:11:22:1f:00:02");
    static final int H1_FCID = 0x1f0100;
    static final int H2_FCID = 0x1f0101;
    static final int T1_FCID = 0x1f0200;

    /**
     * A capture of five ports logging in (two hosts and a target by FLOGI, the appliance's VT and
     * VI by FDISC), the hosts logging in to the target (PLOGI), forged login frames, and two seconds
     * later a SCSI read from each host, replayed at its pace: the logins are learned, one flow turns
     * active through the appliance and one direct, the read of the redirected one leaves for the
     * flow's VT and comes back to its VI (per tshark), and the forged frames change nothing.
     */
    @Test
    public void aReplayedCaptureLogsItsPortsInAndTheirFlowsTurnActive() throws Exception {
        FlowService flows = service(FlowService.class);
        LoginTable logins = service(LoginTable.class);
        LoginLearning learning = service(LoginLearning.class);
        VsanId vsan = VsanId.of(LEARN_VSAN);
        // a pool whose two lowest addresses are the ones that log in: the flow's VT and VI
        execute("fcr:appliance-add --group crypt31 --pool " + LEARN_VSAN + "/0x1f0300-0x1f030f/" + LEARN_VT + " crypt-31");
        execute("fcr:policy-add --priority 100 --vsan " + LEARN_VSAN + " --initiator " + H1 + " --action redirect"
                + " --group crypt31 --balancing target-affinity --failover block learn-31");
        execute("fcr:flow-create --vsan " + LEARN_VSAN + " --initiator " + H1 + " --target " + T1);
        execute("fcr:flow-create --vsan " + LEARN_VSAN + " --initiator " + H2 + " --target " + T1);
        Flow redirected = flows.find(vsan, H1, T1, OptionalInt.empty()).orElseThrow();
        Flow direct = flows.find(vsan, H2, T1, OptionalInt.empty()).orElseThrow();
        assertEquals(FlowState.PENDING, redirected.state());
        LearningStatus before = learning.learningStatus();

        Path in = Files.createTempFile("logins", ".pcap");
        Path out = in.resolveSibling(in.getFileName() + "-out.pcap");
        writeLoginCapture(in);
        ReplayResult r = service(TrafficService.class).replay(in, out, true, LEARN_VSAN, true, null);
        assertEquals(r.toString(), r.packets(), r.framesWritten());

        assertEquals(Optional.of(FcId.of(H1_FCID)), logins.fcidOf(vsan, H1));
        assertEquals(Optional.of(FcId.of(H2_FCID)), logins.fcidOf(vsan, H2));
        assertEquals(Optional.of(FcId.of(T1_FCID)), logins.fcidOf(vsan, T1));
        assertEquals(FlowState.ACTIVE, flows.get(redirected.id()).orElseThrow().state());
        assertEquals(FlowState.DIRECT, flows.get(direct.id()).orElseThrow().state());
        await("the forged accept counted once its request gave up waiting", () -> ignored(learning, before,
                LoginIgnoreReason.REPLY_NOT_FROM_FABRIC) == 1);
        LearningStatus after = learning.learningStatus();
        assertEquals(3, after.loginsLearned() - before.loginsLearned());
        assertEquals(1, ignored(learning, before, LoginIgnoreReason.LOGOUT_UNKNOWN_PORT));
        assertEquals(1, ignored(learning, before, LoginIgnoreReason.FCID_TAKEN));
        assertEquals(3, after.ignoredTotal() - before.ignoredTotal());
        assertEquals("the forged frames changed nothing", 3, logins.logins(vsan).size());

        int[] v = virtualPorts(flows, redirected.id(), H1_FCID, T1_FCID);
        int vt = v[0];
        int vi = v[1];
        // D_ID and S_ID of every FCP frame out, in capture order: H1's read through the appliance, H2's direct
        assertEquals(List.of(FcpCaptures.addresses(vt, H1_FCID), FcpCaptures.addresses(vi, T1_FCID), FcpCaptures.addresses(vi, T1_FCID),
                FcpCaptures.addresses(T1_FCID, H2_FCID), FcpCaptures.addresses(H2_FCID, T1_FCID), FcpCaptures.addresses(H2_FCID, T1_FCID)), FcpCaptures.tsharkFcp(out));

        String shown = execute("fcr:logins --learning");
        assertTrue(shown, shown.contains("fcid-taken") && shown.contains("logins learned"));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        TabularData byReason = (TabularData) server.getAttribute(new ObjectName("org.fcredirect:type=FlowManager"),
                "LoginFramesIgnored");
        CompositeData unknownLogout = byReason.get(new Object[] {"logout-unknown-port"});
        assertTrue(byReason.toString(), unknownLogout != null && (Long) unknownLogout.get("frames") >= 1);
    }

    private static long ignored(LoginLearning learning, LearningStatus before, LoginIgnoreReason r) {
        return learning.learningStatus().ignored().get(r) - before.ignored().get(r);
    }

    /**
     * The VT and VI of a redirected flow as the control plane reports them: where its rules send a
     * frame from the initiator to the target (the VT) and one from the target to the initiator (the VI).
     */
    private static int[] virtualPorts(FlowService flows, FlowId flowId, int initiator, int target) {
        int vt = -1;
        int vi = -1;
        for (RewriteRule rule : flows.rules(flowId)) {
            if (rule.matchSid() == initiator && rule.matchDid() == target) {
                vt = rule.newDid();
            } else if (rule.matchSid() == target && rule.matchDid() == initiator) {
                vi = rule.newDid();
            }
        }
        assertTrue("flow " + flowId + " has its two inbound rules", vt >= 0 && vi >= 0);
        return new int[] {vt, vi};
    }

    private static void writeLoginCapture(Path file) throws IOException {
        int fabric = ElsFrames.FABRIC_CONTROLLER;
        int none = ElsFrames.UNIDENTIFIED;
        Wwn z = Wwn.parse("20:00:00:25:b5:1f:00:77");
        Wwn y = Wwn.parse("20:00:00:25:b5:1f:00:78");
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Instant plogi = t0.plusMillis(100);
        Instant io = t0.plusSeconds(2);
        try (PcapWriter w = PcapWriter.create(file, LinkTypes.FC_2, TimestampResolution.NANOSECONDS)) {
            int ox = 1;
            for (Object[] port : new Object[][] {{H1, H1_FCID, false}, {H2, H2_FCID, false}, {T1, T1_FCID, false},
                    {LEARN_VT, 0x1f0300, true}, {LEARN_VI, 0x1f0301, true}}) {
                Wwn name = (Wwn) port[0];
                byte[] login = (Boolean) port[2] ? ElsPayloads.fdisc(name, name) : ElsPayloads.flogi(name, name);
                w.write(t0, ElsFrames.request(none, fabric, ox, login));
                w.write(t0, ElsFrames.reply(fabric, (Integer) port[1], ox, ox, ElsPayloads.acceptLogin(name, name)));
                ox++;
            }
            // forged: an accept from a port instead of the fabric controller
            w.write(t0, ElsFrames.request(none, fabric, 0x60, ElsPayloads.flogi(z, z)));
            w.write(t0, ElsFrames.reply(0x1f0105, 0x1f0199, 0x60, 0x60, ElsPayloads.acceptLogin(z, z)));
            // forged: a LOGO of a port that never logged in
            w.write(t0, ElsFrames.request(0x1f0177, fabric, 0x61, ElsPayloads.logo(0x1f0177, z)));
            // inconsistent: the fabric gives another port the address H1 holds
            w.write(t0, ElsFrames.request(none, fabric, 0x62, ElsPayloads.flogi(y, y)));
            w.write(t0, ElsFrames.reply(fabric, H1_FCID, 0x62, 0x62, ElsPayloads.acceptLogin(y, y)));
            for (Object[] pair : new Object[][] {{H1, H1_FCID, 0x70}, {H2, H2_FCID, 0x71}}) {
                Wwn host = (Wwn) pair[0];
                int fcid = (Integer) pair[1];
                int x = (Integer) pair[2];
                w.write(plogi, ElsFrames.request(fcid, T1_FCID, x, ElsPayloads.plogi(host, host)));
                w.write(plogi, ElsFrames.reply(T1_FCID, fcid, x, x, ElsPayloads.acceptLogin(T1, T1)));
            }
            for (int[] read : new int[][] {{H1_FCID, 0x100}, {H2_FCID, 0x200}}) {
                int host = read[0];
                int x = read[1];
                byte[] cmnd = FcpCmnd.builder().lunNumber(1).readData(true).dataLength(2048)
                        .cdb(new byte[] {0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0}).build().encode();
                w.write(io, FcpCaptures.fcp(RCtl.FCP_CMND, host, T1_FCID, x, false, cmnd));
                w.write(io, FcpCaptures.fcp(RCtl.FCP_DATA, T1_FCID, host, x, true, new byte[2048]));
                w.write(io, FcpCaptures.fcp(RCtl.FCP_RSP, T1_FCID, host, x, true, FcpRsp.good().encode()));
            }
        }
    }
}
