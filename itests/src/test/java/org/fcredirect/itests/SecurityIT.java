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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
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
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The roles of the assembly: a viewer reads, only admin changes anything, the same through the
 * shell (as the JAAS realm logs the user in, and over the real SSH server) and over the real JMX
 * RMI connector. Users come from etc/users.properties with the shipped groups, so the group to
 * role mapping and every ACL file in etc/ are the ones under test.
 */
public class SecurityIT extends FcrTestSupport {
    static final String VIEWER = "viewer1";
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
            "fcr:config-rollback 1");

    /** Read-only commands, each with a fragment of what it prints. */
    static final Map<String, String> READ_ONLY = Map.ofEntries(
            Map.entry("fcr:flows -c", "0"),
            Map.entry("fcr:logins", "VSAN"),
            Map.entry("fcr:policies", "Priority"),
            Map.entry("fcr:health", "Kind"),
            Map.entry("fcr:storage", "fsync"),
            Map.entry("fcr:fastpath", "Worker"),
            Map.entry("fcr:config", "fastpath"),
            Map.entry("fcr:config-export", "fc-redirect configuration descriptor"),
            Map.entry("fcr:decode " + FoundationIT.READ10_FC2, "FCP_CMND"),
            Map.entry("fcr:flow-export", "vsan,initiator"),
            Map.entry("fcr:stats", "keeping up"),
            // the installed fcr-stats feature, at its own version (features/pom.xml)
            Map.entry("fcr:upgrade-check fcr-stats 1.0.0", "unchanged"));

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
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            // the SSH server is a boot feature too, and may still be starting
            await("the SSH server on port " + port, () -> {
                try (ClientSession session = client.connect(VIEWER, "127.0.0.1", port).verify(Duration.ofSeconds(5)).getSession()) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
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
