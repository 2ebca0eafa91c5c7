package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * The flow manager and policy engine in the assembly, driven through the real command processor:
 * ports log in, an appliance and a policy are added, flows turn active with their rewrite rules,
 * everything is back after a restart of both bundles, and bad input changes nothing.
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
}
