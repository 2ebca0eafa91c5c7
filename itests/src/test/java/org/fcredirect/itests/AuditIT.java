package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The audit trail and the stored passwords: an admin's shell command, JMX operation over the real
 * RMI connector and Jolokia exec over HTTP appear in fcr:audit with user and origin; only admin
 * may read it. Passwords of the karaf realm are stored as salted digests after the first login.
 */
public class AuditIT extends FcrTestSupport {
    static final String OPERATOR = "auditor1";
    static final String SECOND = "auditor2";
    static final String VIEWER = "viewer1";
    static final String PASSWORD = "same-secret";
    static final String HOST = "20:00:00:25:b5:0a:00:41";
    static final String ARRAY = "50:06:01:60:3b:a0:00:41";

    @Inject
    ConfigurationAdmin configurationAdmin;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", OPERATOR, PASSWORD + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", SECOND, PASSWORD + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", VIEWER, PASSWORD + ",_g_:viewergroup"),
        };
    }

    @Test
    public void shellJmxAndJolokiaActionsAreAuditedWithUserAndOrigin() throws Exception {
        execute("fcr:flow-create --vsan 10 --initiator " + HOST + " --target " + ARRAY);
        try (JMXConnector connector = JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {OPERATOR, PASSWORD}))) {
            connector.getMBeanServerConnection().invoke(new ObjectName("org.fcredirect:type=Traffic"), "stopTraffic", null, null);
        }
        await("Jolokia runs an exec", () -> {
            try {
                return jolokiaExec().contains("\"status\":200");
            } catch (Exception e) {
                return false;
            }
        });

        String audit = execute("fcr:audit -n 50 --json");
        assertTrue(audit, audit.contains("\"user\":\"itest\",\"origin\":\"console\",\"action\":\"fcr:flow-create\""));
        assertTrue(audit, audit.contains("\"" + HOST + "\""));
        assertTrue(audit, audit.contains("\"user\":\"" + OPERATOR + "\",\"origin\":\"rmi\",\"action\":\"invoke org.fcredirect:type=Traffic stopTraffic\""));
        assertTrue(audit, audit.contains("\"user\":\"" + OPERATOR + "\",\"origin\":\"http\",\"action\":\"exec org.fcredirect:type=Traffic stopTraffic()\""));
        String mine = execute("fcr:audit --user " + OPERATOR + " --json");
        assertTrue(mine, mine.contains("\"origin\":\"rmi\"") && !mine.contains("\"user\":\"itest\""));
    }

    @Test
    public void aViewerMayNotReadTheAuditTrail() throws Exception {
        try {
            String out = executeAs(operator(VIEWER, "viewer"), "fcr:audit");
            fail("a viewer read the audit trail: " + out);
        } catch (Exception expected) {
            // refused by etc/org.apache.karaf.command.acl.fcr.cfg
        }
        String audit = execute("fcr:audit --json");
        assertTrue(audit, audit.contains("\"user\":\"" + VIEWER + "\",\"origin\":\"console\",\"action\":\"fcr:audit\",\"arguments\":[],\"outcome\":\"DENIED\""));
    }

    @Test
    public void passwordsAreStoredAsSaltedDigestsAfterTheFirstLogin() throws Exception {
        for (String user : new String[] {OPERATOR, SECOND}) {
            JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, PASSWORD})).close();
        }
        await("both entries digested", () -> stored(OPERATOR).startsWith("{CRYPT}") && stored(SECOND).startsWith("{CRYPT}"));
        assertNotEquals("the same password, a salt of its own", stored(OPERATOR), stored(SECOND));
        assertTrue(stored(OPERATOR), !stored(OPERATOR).contains(PASSWORD));
        JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {OPERATOR, PASSWORD})).close();
        try {
            JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {OPERATOR, "wrong"})).close();
            fail("a wrong password logged in");
        } catch (SecurityException expected) {
            assertEquals(SecurityException.class, expected.getClass());
        }
    }

    /** The password part of a user's entry in etc/users.properties. */
    private static String stored(String user) {
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            users.load(in);
        } catch (IOException e) {
            return "";
        }
        String entry = users.getProperty(user, "");
        int comma = entry.indexOf(',');
        return comma < 0 ? entry : entry.substring(0, comma);
    }

    private String jolokiaExec() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((OPERATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + config("org.ops4j.pax.web", "org.osgi.service.http.port") + "/jolokia");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"org.fcredirect:type=Traffic\",\"operation\":\"stopTraffic()\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private String config(String pid, String key) throws IOException {
        return String.valueOf(configurationAdmin.getConfiguration(pid, null).getProperties().get(key));
    }
}
