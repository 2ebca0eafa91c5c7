package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.monitor.api.MonitorService;
import org.junit.Test;

/**
 * The monitor and config services in the assembly: every fcr service in the registry view, health
 * checks, an appliance outage driving each failover mode and its recovery, and staged
 * configuration changes committed, refused and aborted.
 */
public class MonitorConfigIT extends FcrTestSupport {
    static final String HOST_A = "20:00:00:25:b5:1e:00:01";
    static final String HOST_B = "20:00:00:25:b5:1e:00:02";
    static final String HOST_C = "20:00:00:25:b5:1e:00:03";
    static final String ARRAY = "50:06:01:60:3b:1e:00:01";

    @Test
    public void servicesAndHealthChecksAreListed() throws Exception {
        String services = execute("fcr:services");
        assertTrue(services, services.contains("org.fcredirect.flow-impl") && services.contains("org.fcredirect.storage-impl"));
        assertTrue(services, services.contains("org.fcredirect:type=Monitor"));
        await("storage, flow and policy checks healthy", () -> {
            try {
                String json = execute("fcr:health --json");
                return json.contains("\"target\":\"storage\",\"status\":\"healthy\"")
                        && json.contains("\"target\":\"flow\",\"status\":\"healthy\"")
                        && json.contains("\"target\":\"policy\",\"status\":\"healthy\"");
            } catch (Exception e) {
                return false;
            }
        });
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.fcredirect:type=Monitor");
        await("Monitor MBean", () -> server.isRegistered(name));
        assertTrue(((String[]) server.getAttribute(name, "Health")).length >= 3);
    }

    @Test
    public void applianceOutageDrivesEachFailoverModeAndRecovers() throws Exception {
        MonitorService monitor = service(MonitorService.class);
        execute("fcr:login 30 " + HOST_A + " 0x1e0101");
        execute("fcr:login 30 " + HOST_B + " 0x1e0102");
        execute("fcr:login 30 " + HOST_C + " 0x1e0103");
        execute("fcr:login 30 " + ARRAY + " 0x1e0200");
        execute("fcr:appliance-add --group mig --ports 30/2f:00:00:00:00:1e:00:01/0x1f0100/2f:00:00:00:00:1e:00:02/0x1f0101 mig-1");
        execute("fcr:appliance-add --group mig --ports 30/2f:00:00:00:00:1e:00:03/0x1f0200/2f:00:00:00:00:1e:00:04/0x1f0201 mig-2");
        monitor.heartbeat("mig-1");
        monitor.heartbeat("mig-2");
        long standby = create(HOST_A, "standby");
        long bypass = create(HOST_B, "bypass");
        long block = create(HOST_C, "block");

        execute("fcr:appliance-fail mig-1");
        await("flows fail over", () -> {
            monitor.heartbeat("mig-2");
            return appliance(standby).equals("mig-2") && state(bypass).equals("bypassed") && state(block).equals("blocked");
        });
        assertTrue(execute("fcr:health").contains("mig-1"));

        execute("fcr:appliance-recover mig-1");
        await("flows come back", () -> {
            monitor.heartbeat("mig-1");
            monitor.heartbeat("mig-2");
            return appliance(standby).equals("mig-1") && state(bypass).equals("active") && state(block).equals("active");
        });
        assertRejected("fcr:appliance-fail no-such-appliance", "no-such-appliance");
    }

    @Test
    public void stagedChangesCommitTogetherAndInvalidOnesChangeNothing() throws Exception {
        execute("fcr:config-set policy decisionCacheSize 5000");
        execute("fcr:config-set monitor checkThreshold 4");
        String diff = execute("fcr:config-diff");
        assertTrue(diff, diff.contains("decisionCacheSize") && diff.contains("5000") && diff.contains("checkThreshold"));
        assertTrue(execute("fcr:config-commit -m 'bigger cache'").contains("committed"));
        await("policy cache resized", () -> {
            try {
                return execute("fcr:policies --json").contains("\"capacity\":5000");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(execute("fcr:config policy").contains("5000"));
        assertTrue(execute("fcr:config-history").contains("bigger cache"));

        assertRejected("fcr:config-set policy decisionCacheSize -1", "decisionCacheSize");
        assertRejected("fcr:config-set policy noSuchKey 1", "noSuchKey");
        assertRejected("fcr:config-set nosuchservice key 1", "nosuchservice");
        execute("fcr:config-set policy decisionCacheSize 7000");
        execute("fcr:config-abort");
        assertTrue(execute("fcr:policies --json").contains("\"capacity\":5000"));

        String export = execute("fcr:config-export");
        assertTrue(export, export.contains("\nfcr-config 1") && export.contains("decisionCacheSize = 5000"));
    }

    @Test
    public void aCommitResizesTheFastPathAndThePolicyCacheTogetherAndAnInvalidImportAppliesNothing() throws Exception {
        FastPath fastPath = service(FastPath.class);
        int workers = fastPath.status().settings().workers() + 1;
        execute("fcr:config-set fastpath workers " + workers);
        execute("fcr:config-set policy decisionCacheSize 3000");
        assertTrue(execute("fcr:config-commit -m 'one more worker'").contains("committed"));
        await("fast path rebuilt with " + workers + " workers", () -> fastPath.status().workers().size() == workers
                && fastPath.status().settings().workers() == workers);
        await("policy cache resized", () -> {
            try {
                return execute("fcr:policies --json").contains("\"capacity\":3000");
            } catch (Exception e) {
                return false;
            }
        });
        String history = execute("fcr:config-history");

        String descriptor = execute("fcr:config-export");
        String bad = descriptor.replaceAll("(?m)^(\\s*)workers = \\d+", "$1workers = " + (workers + 1))
                .replaceAll("(?m)^(\\s*)decisionCacheSize = \\d+", "$1decisionCacheSize = -1");
        assertTrue(bad, bad.contains("workers = " + (workers + 1)) && bad.contains("decisionCacheSize = -1"));
        Path file = Files.createTempFile("fcr-config-bad", ".cfg");
        Files.writeString(file, bad, StandardCharsets.UTF_8);
        assertRejected("fcr:config-import " + file, "decisionCacheSize");
        Thread.sleep(500);
        assertEquals("workers unchanged", workers, fastPath.status().workers().size());
        assertTrue(execute("fcr:policies --json").contains("\"capacity\":3000"));
        assertEquals("no version recorded", history, execute("fcr:config-history"));
    }

    private long create(String host, String failover) throws Exception {
        String out = execute("fcr:flow-create --vsan 30 --initiator " + host + " --target " + ARRAY + " --appliance mig-1 --failover " + failover);
        return Long.parseLong(out.replaceAll("(?s)^flow (\\d+) created.*", "$1").strip());
    }

    private String state(long id) {
        return field(id, "state");
    }

    private String appliance(long id) {
        return field(id, "appliance");
    }

    private String field(long id, String key) {
        try {
            String json = execute("fcr:flow-show --json " + id);
            return json.replaceAll("(?s).*\"" + key + "\":\"?([^\",]*)\"?[,}].*", "$1");
        } catch (Exception e) {
            return "?";
        }
    }
}
