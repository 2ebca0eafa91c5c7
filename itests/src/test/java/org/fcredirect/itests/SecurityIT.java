package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.shell.api.console.Command;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The roles of the assembly: a viewer reads, only admin changes anything, the same through the
 * shell (as the JAAS realm logs the user in, and over the real SSH server) and over the real JMX
 * RMI connector. Users come from etc/users.properties with the shipped groups, so the group to
 * role mapping and every ACL file in etc/ are the ones under test.
 */
public class SecurityIT extends FcrTestSupport {
    static final String VIEWER = "viewer1";
    static final String REFUSED = "refused";
    /** The loopback addresses (IPv4, IPv6, IPv4-mapped IPv6) as /proc/net/tcp and tcp6 write them. */
    static final Set<String> LOOPBACK_HEX = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");
    static final String ADMIN = "admin1";
    static final String PASSWORD = "secret";

    static final String HOST = "20:00:00:25:b5:0c:00:01";
    static final String ARRAY = "50:06:01:60:3b:c0:00:01";

    /** Commands that change state, each as an operator would type it. */
    static final List<String> MUTATING = List.of(
            "fcr:login 30 " + HOST + " 0x1e0100",
            "fcr:logout 30 " + HOST,
            "fcr:flow-create --vsan 30 --initiator " + HOST + " --target " + ARRAY,
            "fcr:flow-delete 1",
            "fcr:appliance-add --group g --ports 30/2f:00:00:11:22:44:00:01/0x1f0100/2f:00:00:11:22:44:00:02/0x1f0101 a1",
            "fcr:appliance-fail a1",
            "fcr:policy-add --priority 7 --vsan 30 --action permit p1",
            "fcr:policy-remove p1",
            "fcr:traffic-start",
            "fcr:traffic-stop",
            "fcr:config-set fastpath workers 3",
            "fcr:config-commit",
            "fcr:config-abort",
            "fcr:config-rollback 1",
            "fcr:storage-migrate /tmp/no-such-eventlog",
            // resolves an upgrade and opens the bundle URLs it names
            "fcr:upgrade-check fcr-stats 1.0.0");

    /** Read-only commands, each with a fragment of what it prints. */
    static final Map<String, String> READ_ONLY = Map.ofEntries(
            Map.entry("fcr:flows -c", "0"),
            Map.entry("fcr:logins", "VSAN"),
            Map.entry("fcr:policies", "Priority"),
            Map.entry("fcr:health", "Kind"),
            Map.entry("fcr:fabric", "not in a fabric: the event log is the local file log"),
            Map.entry("fcr:storage", "fsync"),
            Map.entry("fcr:fastpath", "Worker"),
            Map.entry("fcr:config", "fastpath"),
            Map.entry("fcr:config-export", "fc-redirect configuration descriptor"),
            Map.entry("fcr:decode " + FoundationIT.READ10_FC2, "FCP_CMND"),
            Map.entry("fcr:flow-export", "vsan,initiator"),
            Map.entry("fcr:stats", "keeping up"),
            Map.entry("bundle:list", "fc-redirect"),
            Map.entry("feature:list -i", "fcr-shell"),
            Map.entry("service:list org.fcredirect.flow.api.FlowService", "FlowService"),
            Map.entry("jaas:whoami", VIEWER),
            Map.entry("help fcr", "fcr:flows"));

    /**
     * Every command a viewer may run, in every scope (etc/org.apache.karaf.command.acl.*.cfg); a
     * few of them only with the arguments named there. Any other registered command, whoever
     * registered it, must be refused to a viewer.
     */
    static final Set<String> VIEWER_COMMANDS = Set.of(
            "*:help", "*:exit",
            "bundle:list", "bundle:info", "bundle:headers", "bundle:diag", "bundle:services", "bundle:status",
            "bundle:id", "bundle:tree-show", "bundle:capabilities", "bundle:requirements",
            "fcr:flows", "fcr:flow-show", "fcr:logins", "fcr:appliances", "fcr:appliance-ports", "fcr:policies", "fcr:policy-eval",
            "fcr:services", "fcr:health", "fcr:fabric", "fcr:traffic", "fcr:fastpath", "fcr:events", "fcr:storage", "fcr:config",
            "fcr:config-diff", "fcr:config-history", "fcr:decode", "fcr:stats", "fcr:stats-aggregate", "fcr:top",
            "fcr:stats-chart", "fcr:config-export", "fcr:flow-export",
            "feature:list", "feature:info", "feature:repo-list", "feature:version-list", "feature:status",
            "http:proxy-list", "http:proxy-balancing-list",
            "instance:list", "instance:status",
            "jaas:whoami",
            "kar:list",
            "package:exports", "package:imports",
            "scr:list", "scr:info",
            "service:list",
            "shell:if", "shell:not", "shell:each", "shell:complete", "shell:setopt", "shell:unsetopt", "shell:keymap", "shell:echo", "shell:printf", "shell:date",
            "shell:clear", "shell:logout", "shell:info", "shell:watch", "shell:cat", "shell:tac", "shell:grep",
            "shell:head", "shell:tail", "shell:wc", "shell:sort",
            "system:version", "system:name");

    /** Viewer commands that take arguments only as the ACL names them: "--help" is refused. */
    static final Set<String> VIEWER_COMMANDS_WITH_FIXED_ARGUMENTS = Set.of(
            "fcr:config-export", "fcr:flow-export", "shell:cat", "shell:tac", "shell:grep", "system:name");

    /**
     * Operations of any MBean that a viewer may invoke, as "domain:type operation": each one read
     * and judged a pure query. An operation a viewer can invoke that is not here fails the test.
     */
    static final Set<String> VIEWER_OPERATIONS = Set.of(
            "com.sun.management:type=HotSpotDiagnostic getVMOption",
            "java.lang:type=Threading getThreadAllocatedBytes", "java.lang:type=Threading getThreadCpuTime",
            "java.lang:type=Threading getThreadInfo", "java.lang:type=Threading getThreadUserTime",
            "java.util.logging:type=Logging getLoggerLevel", "java.util.logging:type=Logging getParentLoggerName",
            "jdk.management.jfr:type=FlightRecorder getRecordingOptions",
            "jdk.management.jfr:type=FlightRecorder getRecordingSettings",
            "org.apache.karaf:type=RegionDigraph getRegion",
            "org.apache.karaf:type=bundle getDiag", "org.apache.karaf:type=bundle getStartLevel",
            "org.apache.karaf:type=bundle getStatus", "org.apache.karaf:type=log getLevel",
            "org.apache.karaf:type=package getExports", "org.apache.karaf:type=package getImports",
            "org.apache.karaf:type=scr isComponentEnabled", "org.apache.karaf:type=security canInvoke",
            "org.apache.karaf:type=service getServices", "org.apache.karaf:type=system getProperties",
            "org.apache.karaf:type=system getProperty",
            "org.fcredirect:type=Config exportDescriptor", "org.fcredirect:type=Fabric showNode", "org.fcredirect:type=FlowManager showFlow",
            "org.fcredirect:type=PolicyEngine evaluate", "org.fcredirect:type=Stats flowStats",
            "org.fcredirect:type=Stats top",
            "osgi.compendium:service=cm getBundleLocation", "osgi.compendium:service=cm getFactoryPid",
            "osgi.compendium:service=cm getFactoryPidForLocation",
            "osgi.core:type=bundleState getBundle", "osgi.core:type=bundleState getExportedPackages",
            "osgi.core:type=bundleState getFragments", "osgi.core:type=bundleState getHeader",
            "osgi.core:type=bundleState getHeaders", "osgi.core:type=bundleState getHosts",
            "osgi.core:type=bundleState getImportedPackages", "osgi.core:type=bundleState getLastModified",
            "osgi.core:type=bundleState getLocation", "osgi.core:type=bundleState getRegisteredServices",
            "osgi.core:type=bundleState getRequiredBundles", "osgi.core:type=bundleState getRequiringBundles",
            "osgi.core:type=bundleState getServicesInUse", "osgi.core:type=bundleState getStartLevel",
            "osgi.core:type=bundleState getState", "osgi.core:type=bundleState getSymbolicName",
            "osgi.core:type=bundleState getVersion", "osgi.core:type=bundleState isActivationPolicyUsed",
            "osgi.core:type=bundleState isFragment", "osgi.core:type=bundleState isPersistentlyStarted",
            "osgi.core:type=bundleState isRemovalPending", "osgi.core:type=bundleState isRequired",
            "osgi.core:type=bundleState listBundles",
            "osgi.core:type=framework getDependencyClosure", "osgi.core:type=framework getProperty",
            "osgi.core:type=packageState getExportingBundles", "osgi.core:type=packageState getImportingBundles",
            "osgi.core:type=packageState isRemovalPending", "osgi.core:type=packageState listPackages",
            "osgi.core:type=serviceState getBundleIdentifier", "osgi.core:type=serviceState getObjectClass",
            "osgi.core:type=serviceState getProperties", "osgi.core:type=serviceState getProperty",
            "osgi.core:type=serviceState getService", "osgi.core:type=serviceState getUsingBundles",
            "osgi.core:type=serviceState listServices",
            "osgi.core:type=wiringState getCurrentRevisionDeclaredCapabilities",
            "osgi.core:type=wiringState getCurrentRevisionDeclaredRequirements",
            "osgi.core:type=wiringState getCurrentWiring", "osgi.core:type=wiringState getCurrentWiringClosure",
            "osgi.core:type=wiringState getRevisionsDeclaredCapabilities",
            "osgi.core:type=wiringState getRevisionsDeclaredRequirements",
            "osgi.core:type=wiringState getRevisionsWiring", "osgi.core:type=wiringState getRevisionsWiringClosure");

    /** The three probes of the review that a viewer once ran with effect. */
    static final List<String> REVIEW_PROBES = List.of(
            "scr:disable org.fcredirect.fastpath.impl.FastPathManager",
            "config:meta -c org.apache.karaf.shell",
            "shell:kill 1");

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Override
    protected boolean sshServer() {
        return true;
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", VIEWER, PASSWORD + ",_g_:viewergroup"),
            editConfigurationFilePut("etc/users.properties", ADMIN, PASSWORD + ",_g_:admingroup"),
        };
    }

    @Test
    public void viewerRunsReadOnlyCommandsButNoMutatingOne() throws Exception {
        Subject viewer = login(VIEWER, PASSWORD);
        for (Map.Entry<String, String> read : READ_ONLY.entrySet()) {
            String out = executeAs(viewer, read.getKey());
            assertTrue(read.getKey() + " -> " + out, out.contains(read.getValue()));
        }
        String before = execute("fcr:logins") + execute("fcr:flows") + execute("fcr:policies") + execute("fcr:appliances");
        for (String command : MUTATING) {
            // a viewer does not even see these commands
            assertRefused(viewer, command, "Command not found: " + command.split(" ")[0]);
        }
        // same command, the argument decides: to the console it reads, to a file it writes on the server
        Path file = Files.createTempDirectory("acl").resolve("config.txt");
        assertRefused(viewer, "fcr:config-export " + file, "Insufficient credentials");
        assertFalse(Files.exists(file));
        assertRefused(viewer, "fcr:flow-export " + file, "Insufficient credentials");
        assertFalse(Files.exists(file));
        assertEquals("a viewer changed nothing", before,
                execute("fcr:logins") + execute("fcr:flows") + execute("fcr:policies") + execute("fcr:appliances"));
    }

    @Test
    public void adminRunsMutatingCommands() throws Exception {
        Subject admin = login(ADMIN, PASSWORD);
        assertTrue(executeAs(admin, "fcr:login 30 " + HOST + " 0x1e0100").contains("logged in"));
        try {
            assertTrue(executeAs(admin, "fcr:logins --vsan 30").contains(HOST));
            Path file = Files.createTempDirectory("acl").resolve("config.txt");
            executeAs(admin, "fcr:config-export " + file);
            assertTrue(Files.readString(file).contains("fc-redirect configuration descriptor"));
        } finally {
            executeAs(admin, "fcr:logout 30 " + HOST);
        }
        assertFalse(executeAs(admin, "fcr:logins --vsan 30").contains(HOST));
    }

    @Test
    public void viewerCannotReachFilesJavaOrKarafAdministration() throws Exception {
        Subject viewer = login(VIEWER, PASSWORD);
        Path file = Files.createTempDirectory("acl").resolve("written-by-viewer");
        assertRefused(viewer, "echo hello > " + file, "shell:.redirect");
        assertFalse(Files.exists(file));
        assertRefused(viewer, "cat etc/users.properties", "Insufficient credentials");
        assertRefused(viewer, "grep admin etc/users.properties", "Insufficient credentials");
        assertRefused(viewer, "($.context bundles) length", "shell:.invoke");
        assertRefused(viewer, "feature:install webconsole", "Command not found: feature:install");
        assertRefused(viewer, "feature:repo-add file:/nowhere.xml", "Command not found: feature:repo-add");
        assertRefused(viewer, "bundle:stop org.fcredirect.shell", "Command not found: bundle:stop");
        assertRefused(viewer, "log:set DEBUG", "Command not found: log:set");
        assertRefused(viewer, "instance:create other", "Command not found: instance:create");
        assertRefused(viewer, "jaas:update", "Command not found: jaas:update");
        // pipes through the text commands still work for a viewer
        execute("fcr:login 31 " + HOST + " 0x1f0100");
        try {
            String out = executeAs(viewer, "fcr:logins | grep 0x1f0100 | head -n 1");
            assertTrue(out, out.contains(HOST) && out.lines().count() == 1);
        } finally {
            execute("fcr:logout 31 " + HOST);
        }
    }

    @Test
    public void commandAclsHoldOverSsh() throws Exception {
        int port = Integer.parseInt(config("org.apache.karaf.shell", "sshPort"));
        SshClient client = sshClient();
        try {
            awaitSsh(client, port);
            assertEquals("0", ssh(client, port, VIEWER, "fcr:flows -c").strip());
            String create = ssh(client, port, VIEWER, "fcr:flow-create --vsan 30 --initiator " + HOST + " --target " + ARRAY);
            assertTrue(create, create.contains("Command not found: fcr:flow-create"));
            // with SFTP/SCP off, "scp -f" is just an unknown command: no file leaves the server
            String scp = ssh(client, port, VIEWER, "scp -f etc/users.properties");
            assertTrue(scp, scp.contains("Command not found: scp"));
            assertFalse(scp, scp.contains("admingroup"));

            String login = ssh(client, port, ADMIN, "fcr:login 30 " + HOST + " 0x1e0100");
            assertTrue(login, login.contains("logged in"));
            assertTrue(ssh(client, port, VIEWER, "fcr:logins --vsan 30").contains(HOST));
            ssh(client, port, ADMIN, "fcr:logout 30 " + HOST);
            assertFalse(ssh(client, port, VIEWER, "fcr:logins --vsan 30").contains(HOST));
        } finally {
            client.stop();
        }
    }

    @Test
    public void viewerReadsMBeansAndRunsQueriesOnlyOverJmx() throws Exception {
        ObjectName flowManager = new ObjectName("org.fcredirect:type=FlowManager");
        ObjectName policyEngine = new ObjectName("org.fcredirect:type=PolicyEngine");
        ObjectName storage = new ObjectName("org.fcredirect:type=Storage");
        String[] loginSignature = {"int", "java.lang.String", "java.lang.String"};
        try (JMXConnector viewer = jmx(VIEWER, PASSWORD); JMXConnector admin = jmx(ADMIN, PASSWORD)) {
            MBeanServerConnection asViewer = viewer.getMBeanServerConnection();
            MBeanServerConnection asAdmin = admin.getMBeanServerConnection();
            int logins = (Integer) asViewer.getAttribute(flowManager, "LoginCount");
            assertTrue(((Long) asViewer.getAttribute(storage, "LastSequence")) >= 0);
            // a query operation is open to a viewer
            String decision = (String) asViewer.invoke(policyEngine, "evaluate",
                    new Object[] {30, HOST, ARRAY}, new String[] {"int", "java.lang.String", "java.lang.String"});
            assertTrue(decision, decision != null && !decision.isBlank());

            assertJmxRefused(() -> asViewer.invoke(flowManager, "login", new Object[] {30, HOST, "0x1e0100"}, loginSignature));
            assertJmxRefused(() -> asViewer.invoke(storage, "compact", new Object[0], new String[0]));
            assertJmxRefused(() -> asViewer.invoke(flowManager, "deleteFlow", new Object[] {1L}, new String[] {"long"}));
            assertEquals("the refused login changed nothing", logins, asViewer.getAttribute(flowManager, "LoginCount"));

            asAdmin.invoke(flowManager, "login", new Object[] {30, HOST, "0x1e0100"}, loginSignature);
            try {
                assertEquals(logins + 1, asViewer.getAttribute(flowManager, "LoginCount"));
            } finally {
                asAdmin.invoke(flowManager, "logout", new Object[] {30, HOST}, new String[] {"int", "java.lang.String"});
            }
            assertEquals(logins, asViewer.getAttribute(flowManager, "LoginCount"));
        }
        try (JMXConnector stranger = jmx(VIEWER, "wrong")) {
            fail("a wrong password connected: " + stranger.getConnectionId());
        } catch (SecurityException expected) {
            // refused at the door
        }
    }

    @Test
    public void everyRegisteredCommandIsOnTheViewerListOrRefusedToAViewer() throws Exception {
        Subject viewer = login(VIEWER, PASSWORD);
        List<String> wrong = new ArrayList<>();
        Set<String> registered = new TreeSet<>();
        int refused = 0;
        for (Object registration : sessionFactory.getRegistry().getCommands()) {
            if (!(registration instanceof Command)) {
                continue;
            }
            Command command = (Command) registration;
            String name = command.getScope() + ":" + command.getName();
            registered.add(name);
            // "--help" makes a command that does run print its usage and nothing more
            String outcome = outcomeFor(viewer, name + " --help");
            boolean listed = VIEWER_COMMANDS.contains(name);
            if (!listed && !outcome.equals(REFUSED)) {
                wrong.add(name + " is not on the viewer list but " + outcome);
            } else if (!listed) {
                refused++;
            } else if (!"*:exit".equals(name) && !VIEWER_COMMANDS_WITH_FIXED_ARGUMENTS.contains(name) && outcome.equals(REFUSED)) {
                wrong.add(name + " is on the viewer list but refused: " + refusal(viewer, name + " --help"));
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
        assertTrue("the viewer list names only registered commands: " + VIEWER_COMMANDS,
                registered.containsAll(VIEWER_COMMANDS));
        assertTrue("most commands are refused (" + refused + " of " + registered.size() + ")", refused > registered.size() / 2);
    }

    /** A command of a scope that no ACL file names, registered by a bundle: admin only, from the first moment. */
    @Test
    public void aCommandInANewScopeIsRefusedToAViewerWithNoConfiguration() throws Exception {
        ProbeCommand probe = new ProbeCommand();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "fcrprobe");
        properties.put("osgi.command.function", new String[] {"touch"});
        ServiceRegistration<Object> registration = bundleContext.registerService(Object.class, probe, properties);
        try {
            Subject viewer = login(VIEWER, PASSWORD);
            assertEquals(REFUSED, outcomeFor(viewer, "fcrprobe:touch"));
            assertEquals("the viewer's call never reached the command", 0, probe.touches.get());
            Configuration[] acl = configurationAdmin.listConfigurations("(service.pid=org.apache.karaf.command.acl.fcrprobe)");
            assertTrue("no ACL was written for the scope: " + (acl == null ? "" : acl[0].getProperties()), acl == null || acl.length == 0);
            executeAs(login(ADMIN, PASSWORD), "fcrprobe:touch");
            assertEquals("admin runs it", 1, probe.touches.get());
        } finally {
            registration.unregister();
        }
    }

    /** What the review saw a viewer do: stop forwarding, widen the SSH listener, kill the shell's thread. */
    @Test
    public void theReviewProbesAreRefusedToAViewerAndChangeNothing() throws Exception {
        int port = Integer.parseInt(config("org.apache.karaf.shell", "sshPort"));
        FastPath fastPath = service(FastPath.class);
        SshClient client = sshClient();
        execute("fcr:traffic-start vsans=1 firstVsan=330 initiatorsPerVsan=2 targetsPerVsan=2 flowsPerInitiator=1"
                + " appliances=2 redirectPercent=100 framesPerSecond=2000 cleanup=true seed=3");
        try {
            awaitSsh(client, port);
            for (String probe : REVIEW_PROBES) {
                String out = ssh(client, port, VIEWER, probe);
                assertTrue(probe + " -> " + out, out.contains("Command not found: " + probe.split(" ")[0]));
                assertEquals(probe + ": the fast path bundle", Bundle.ACTIVE, bundle("org.fcredirect.fastpath-impl").getState());
                awaitFramesPast(fastPath, fastPath.status().framesProcessed() + 500);
                assertEquals(probe + ": SSH host setting", "127.0.0.1", config("org.apache.karaf.shell", "sshHost"));
                List<String> listeners = tcpListeners(port);
                assertFalse(probe + ": SSH listens", listeners.isEmpty());
                assertTrue(probe + ": SSH listens on the loopback address only: " + listeners,
                        listeners.stream().allMatch(LOOPBACK_HEX::contains));
                String admin = ssh(client, port, ADMIN, "fcr:fastpath");
                assertTrue(probe + ": an admin session still works -> " + admin, admin.contains("Worker"));
            }
        } finally {
            execute("fcr:traffic-stop");
            client.stop();
            // the other tests count flows: the generator removes its own when it has stopped
            FlowService flows = service(FlowService.class);
            await("the generator's flows removed", () -> flows.count(FlowFilter.all()) == 0);
        }
    }

    @Test
    public void aViewerMayInvokeOnlyReviewedQueriesOnAnyMBeanOfAnyDomain() throws Exception {
        try (JMXConnector viewer = jmx(VIEWER, PASSWORD)) {
            MBeanServerConnection server = viewer.getMBeanServerConnection();
            ObjectName security = new ObjectName("org.apache.karaf:type=security,area=jmx,name=" + System.getProperty("karaf.name", "root"));
            List<String> wrong = new ArrayList<>();
            int operations = 0;
            Set<String> domains = new TreeSet<>();
            for (ObjectName name : server.queryNames(null, null)) {
                domains.add(name.getDomain());
                MBeanInfo info = server.getMBeanInfo(name);
                for (MBeanOperationInfo operation : info.getOperations()) {
                    operations++;
                    String[] signature = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType).toArray(String[]::new);
                    if (canInvoke(server, security, name, operation.getName(), signature)
                            && !VIEWER_OPERATIONS.contains(kind(name) + " " + operation.getName())) {
                        wrong.add(kind(name) + " " + operation.getName() + Arrays.toString(signature));
                    }
                }
                for (MBeanAttributeInfo attribute : info.getAttributes()) {
                    if (attribute.isWritable() && canInvoke(server, security, name, "set" + attribute.getName(), new String[] {attribute.getType()})) {
                        wrong.add(kind(name) + " writes " + attribute.getName());
                    }
                }
            }
            assertTrue("a viewer may invoke these, which nobody reviewed as queries:\n" + String.join("\n", wrong), wrong.isEmpty());
            assertTrue("enumerated every domain: " + domains, domains.containsAll(
                    Set.of("org.fcredirect", "org.apache.karaf", "osgi.core", "java.lang", "JMImplementation")));
            assertTrue("enumerated " + operations + " operations", operations > 100);
            // and the server refuses, not only the security MBean's answer
            assertJmxRefused(() -> server.invoke(new ObjectName("java.lang:type=Memory"), "gc", new Object[0], new String[0]));
            assertJmxRefused(() -> server.invoke(new ObjectName("java.util.logging:type=Logging"), "setLoggerLevel",
                    new Object[] {"org.fcredirect.itest.none", "FINE"}, new String[] {"java.lang.String", "java.lang.String"}));
            ObjectName cm = server.queryNames(new ObjectName("osgi.compendium:service=cm,*"), null).iterator().next();
            assertJmxRefused(() -> server.invoke(cm, "getProperties", new Object[] {"org.apache.karaf.shell"}, new String[] {"java.lang.String"}));
            // the same MBean with its keys in another order: Karaf reads them in the caller's order
            List<String> keys = new ArrayList<>(List.of(cm.getKeyPropertyListString().split(",")));
            Collections.reverse(keys);
            ObjectName reordered = new ObjectName(cm.getDomain() + ":" + String.join(",", keys));
            assertJmxRefused(() -> server.invoke(reordered, "getProperties", new Object[] {"org.apache.karaf.shell"},
                    new String[] {"java.lang.String"}));
        }
    }

    /**
     * An interactive login (SSH with a terminal, as bin/client and ssh give) runs
     * etc/shell.init.script and etc/scripts/*.script as the user: nothing before the prompt may
     * report an error, for admin as for a viewer, and a command typed at that prompt answers.
     */
    @Test
    public void interactiveSessionsStartWithoutAnErrorForAdminAndViewer() throws Exception {
        int port = Integer.parseInt(config("org.apache.karaf.shell", "sshPort"));
        SshClient client = sshClient();
        try {
            awaitSsh(client, port);
            for (String user : List.of(VIEWER, ADMIN)) {
                try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
                    session.addPasswordIdentity(PASSWORD);
                    session.auth().verify(Duration.ofSeconds(10));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (ChannelShell shell = session.createShellChannel()) {
                        shell.setPtyType("xterm");
                        shell.setPtyColumns(160);
                        shell.setPtyLines(50);
                        shell.setOut(out);
                        shell.setErr(out);
                        shell.open().verify(Duration.ofSeconds(10));
                        await("the prompt of " + user, () -> plain(out).contains(user + "@"));
                        String beforePrompt = plain(out);
                        assertFalse(user + "'s session start printed an error:\n" + beforePrompt, beforePrompt.contains("Error"));
                        shell.getInvertedIn().write("fcr:flows -c\r".getBytes(StandardCharsets.UTF_8));
                        shell.getInvertedIn().flush();
                        try {
                            await(user + "'s command answered", () -> plain(out).substring(beforePrompt.length()).matches("(?s).*\\n\\d+\\s.*"));
                        } catch (AssertionError e) {
                            throw new AssertionError(e.getMessage() + ", the terminal shows:\n" + plain(out), e);
                        }
                    }
                }
            }
        } finally {
            client.stop();
        }
    }

    private static String plain(ByteArrayOutputStream terminal) {
        return terminal.toString(StandardCharsets.UTF_8).replaceAll("\u001B(\\[[0-9;?]*[a-zA-Z]|[=>])", "").replace("\r", "");
    }

    /** What running a command as the user gave: REFUSED, or how it ran. */
    private String outcomeFor(Subject user, String commandLine) {
        try {
            executeAs(user, commandLine);
            return "ran";
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            if (e instanceof SecurityException || message.contains("Command not found") || message.contains("Insufficient credentials")) {
                return REFUSED;
            }
            if (message.contains("credentials") || message.contains("not found")) {
                return "refused differently: " + message;
            }
            return "ran and failed: " + message.lines().findFirst().orElse("");
        }
    }

    private String refusal(Subject user, String commandLine) {
        try {
            return "ran: " + executeAs(user, commandLine);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static boolean canInvoke(MBeanServerConnection server, ObjectName security, ObjectName name, String operation,
            String[] signature) throws Exception {
        return (Boolean) server.invoke(security, "canInvoke", new Object[] {name.toString(), operation, signature},
                new String[] {String.class.getName(), String.class.getName(), String[].class.getName()});
    }

    /** "domain:type=T" (or the first key of a name without a type): what VIEWER_OPERATIONS is keyed by. */
    static String kind(ObjectName name) {
        String type = name.getKeyProperty("type");
        if (type != null) {
            return name.getDomain() + ":type=" + type;
        }
        String first = name.getKeyPropertyListString().split(",")[0];
        return name.getDomain() + ":" + first;
    }

    /** The local addresses (as /proc/net/tcp writes them) of the TCP sockets listening on the port. */
    private static List<String> tcpListeners(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                if ("0A".equals(fields[3]) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    /** An SSH client that trusts the test container's host key. */
    private static SshClient sshClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        return client;
    }

    private static void awaitSsh(SshClient client, int port) {
        // the SSH server is a boot feature too, and may still be starting
        await("the SSH server on port " + port, () -> {
            try (ClientSession session = client.connect(VIEWER, "127.0.0.1", port).verify(Duration.ofSeconds(5)).getSession()) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A Gogo command that counts its calls; registered under a scope that no ACL names. */
    public static final class ProbeCommand {
        final AtomicInteger touches = new AtomicInteger();

        public int touch() {
            return touches.incrementAndGet();
        }
    }

    interface JmxCall {
        Object call() throws Exception;
    }

    private static void assertJmxRefused(JmxCall call) throws Exception {
        try {
            Object result = call.call();
            fail("a viewer ran an operation: " + result);
        } catch (SecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("Insufficient roles"));
        }
    }

    private void assertRefused(Subject user, String command, String expected) {
        String out;
        try {
            out = executeAs(user, command);
        } catch (Exception e) {
            assertTrue(command + " -> " + e, String.valueOf(e.getMessage()).contains(expected));
            return;
        }
        fail(command + " should be refused, printed: " + out);
    }

    /** Logs in through the JAAS realm "karaf", as the SSH server and the JMX connector do. */
    private static Subject login(String user, String password) throws LoginException {
        LoginContext context = new LoginContext("karaf", callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback) {
                    ((NameCallback) callback).setName(user);
                } else if (callback instanceof PasswordCallback) {
                    ((PasswordCallback) callback).setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        });
        context.login();
        return context.getSubject();
    }

    /** Runs one command over SSH (exec channel) as the user; returns what it printed, errors included, without colours. */
    private static String ssh(SshClient client, int port, String user, String command) throws IOException {
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
            session.addPasswordIdentity(PASSWORD);
            session.auth().verify(Duration.ofSeconds(10));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(Duration.ofSeconds(10));
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(20));
                assertTrue(command + ": " + events, events.contains(ClientChannelEvent.CLOSED));
            }
            return out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        }
    }

    private JMXConnector jmx(String user, String password) throws Exception {
        JMXServiceURL url = new JMXServiceURL(String.format("service:jmx:rmi://127.0.0.1:%s/jndi/rmi://127.0.0.1:%s/karaf-%s",
                config("org.apache.karaf.management", "rmiServerPort"), config("org.apache.karaf.management", "rmiRegistryPort"),
                System.getProperty("karaf.name", "root")));
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        return JMXConnectorFactory.connect(url, env);
    }

    private String config(String pid, String key) throws IOException {
        return String.valueOf(configurationAdmin.getConfiguration(pid, null).getProperties().get(key));
    }
}
