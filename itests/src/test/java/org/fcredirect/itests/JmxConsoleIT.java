package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.storage.api.EventLog;
import org.junit.Assume;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What jconsole, VisualVM, Jolokia clients and Prometheus see: the fcr MBeans and their
 * notifications through the real JMX RMI connector, Jolokia and /metrics over HTTP (Pax Web on the
 * loopback interface), with a user of the karaf realm, showing the same figures as the services
 * themselves. FcrTestSupport puts RMI and HTTP on free ports; the tests read them back from
 * ConfigAdmin.
 */
public class JmxConsoleIT extends FcrTestSupport {
    static final String OPERATOR = "operator1";
    static final String VIEWER = "viewer1";
    static final String PASSWORD = "secret";
    /** A user of the karaf realm with a role that is neither viewer nor admin. */
    static final String SSH_ONLY = "sshonly1";
    static final String HOST = "20:00:00:25:b5:28:00:01";
    static final String ARRAY = "50:06:01:60:3b:28:00:01";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    FastPath fastPath;

    @Inject
    EventLog eventLog;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", OPERATOR, PASSWORD + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", VIEWER, PASSWORD + ",_g_:viewergroup"),
            editConfigurationFilePut("etc/users.properties", SSH_ONLY, PASSWORD + ",ssh"),
        };
    }

    @Test
    public void jmxRmiShowsTheFcrMBeansToAKarafUser() throws Exception {
        long sequence = eventLog.append("itest-jmx-console", "ping", "{}".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS).sequence();
        try (JMXConnector connector = JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {VIEWER, PASSWORD}))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            int workers = fastPath.status().workers().size();
            assertTrue("the fast path runs workers", workers > 0);
            assertEquals(workers, server.getAttribute(new ObjectName("org.fcredirect:type=FastPath"), "Workers"));
            assertEquals(Boolean.TRUE, server.getAttribute(new ObjectName("org.fcredirect:type=FastPath"), "Healthy"));
            assertEquals(sequence, server.getAttribute(new ObjectName("org.fcredirect:type=Storage"), "LastSequence"));
            assertEquals(eventLog.lastSequence(), sequence);
            // every fcr MBean is there for the console's tree
            for (String type : new String[] {"Storage", "FlowManager", "PolicyEngine", "FastPath", "Traffic", "Monitor", "Config"}) {
                assertTrue(type, server.isRegistered(new ObjectName("org.fcredirect:type=" + type)));
            }
        }
    }

    /**
     * jconsole's view of an outage: subscribed over RMI, an admin and a viewer hear the appliance
     * fail over, the flow move to the standby, the failback; a config commit too.
     */
    @Test
    public void aJmxClientOverRmiIsNotifiedOfTheFailoverOfASimulatedApplianceOutage() throws Exception {
        MonitorService monitor = service(MonitorService.class);
        execute("fcr:login 40 " + HOST + " 0x280101");
        execute("fcr:login 40 " + ARRAY + " 0x280200");
        execute("fcr:appliance-add --group jmxg --ports 40/2f:00:00:00:00:28:00:01/0x290100/2f:00:00:00:00:28:00:02/0x290101 jmx-1");
        execute("fcr:appliance-add --group jmxg --ports 40/2f:00:00:00:00:28:00:03/0x290200/2f:00:00:00:00:28:00:04/0x290201 jmx-2");
        monitor.heartbeat("jmx-1");
        monitor.heartbeat("jmx-2");
        String created = execute("fcr:flow-create --vsan 40 --initiator " + HOST + " --target " + ARRAY
                + " --appliance jmx-1 --failover standby");
        long flow = Long.parseLong(created.replaceAll("(?s)^flow (\\d+) created.*", "$1").strip());
        ObjectName monitorMBean = new ObjectName("org.fcredirect:type=Monitor");
        ObjectName flowManager = new ObjectName("org.fcredirect:type=FlowManager");
        ObjectName config = new ObjectName("org.fcredirect:type=Config");
        Heard admin = new Heard();
        Heard viewer = new Heard();
        try (JMXConnector asAdmin = connect(OPERATOR); JMXConnector asViewer = connect(VIEWER)) {
            MBeanServerConnection server = asAdmin.getMBeanServerConnection();
            List<String> advertised = Arrays.stream(server.getMBeanInfo(monitorMBean).getNotifications())
                    .flatMap(n -> Arrays.stream(n.getNotifTypes())).toList();
            assertTrue(advertised.toString(), advertised.contains("fcr.monitor.appliance.failover"));
            for (ObjectName name : List.of(monitorMBean, flowManager, config)) {
                server.addNotificationListener(name, (n, handback) -> admin.add(n), null, null);
            }
            asViewer.getMBeanServerConnection().addNotificationListener(monitorMBean, (n, handback) -> viewer.add(n), null, null);

            server.invoke(monitorMBean, "simulateApplianceFailure", new Object[] {"jmx-1"}, new String[] {"java.lang.String"});
            Notification failover = admin.await(monitor, "fcr.monitor.appliance.failover", "name", "jmx-1");
            assertTrue(failover.getMessage(), failover.getMessage().startsWith("appliance:jmx-1 failed over"));
            assertEquals(monitorMBean, failover.getSource());
            Notification moved = admin.await(monitor, "fcr.flow.moved", "flowId", flow);
            CompositeData move = (CompositeData) moved.getUserData();
            assertEquals(moved.getMessage(), "jmx-1", move.get("fromAppliance"));
            assertEquals(moved.getMessage(), "jmx-2", move.get("appliance"));
            viewer.await(monitor, "fcr.monitor.appliance.failover", "name", "jmx-1");

            server.invoke(monitorMBean, "simulateApplianceRecovery", new Object[] {"jmx-1"}, new String[] {"java.lang.String"});
            admin.await(monitor, "fcr.monitor.appliance.failback", "name", "jmx-1");
            CompositeData back = (CompositeData) admin.await(monitor, "fcr.flow.moved", "flowId", flow).getUserData();
            assertEquals("jmx-1", back.get("appliance"));

            server.invoke(config, "stage", new Object[] {"org.fcredirect.policy", "decisionCacheSize", "6000"},
                    new String[] {"java.lang.String", "java.lang.String", "java.lang.String"});
            long version = (Long) server.invoke(config, "commit", new Object[] {"notified"}, new String[] {"java.lang.String"});
            admin.await(monitor, "fcr.config.commit", "version", version);
        } finally {
            execute("fcr:flow-delete " + flow);
        }
    }

    private JMXConnector connect(String user) throws IOException, InterruptedException {
        return JMXConnectorFactory.connect(jmxServiceUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, PASSWORD}));
    }

    /**
     * What one JMX client heard. The services notify from their own threads, so a client may hear a
     * later step's notification (a flow's move back) before the one a step waits for (the failback):
     * what a step passes over stays for the next.
     */
    private static final class Heard {
        final BlockingQueue<Notification> queue = new LinkedBlockingQueue<>();
        private final List<Notification> passedOver = new ArrayList<>();

        void add(Notification n) {
            queue.add(n);
        }

        /**
         * Waits for a notification of that type whose user data has that value, heartbeating both
         * appliances meanwhile (the monitor ignores jmx-1's during its simulated outage).
         */
        Notification await(MonitorService monitor, String type, String key, Object value) throws InterruptedException {
            for (Notification n : passedOver) {
                if (matches(n, type, key, value)) {
                    passedOver.remove(n);
                    return n;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                monitor.heartbeat("jmx-1");
                monitor.heartbeat("jmx-2");
                Notification n = queue.poll(200, TimeUnit.MILLISECONDS);
                if (n == null) {
                    continue;
                }
                if (matches(n, type, key, value)) {
                    return n;
                }
                passedOver.add(n);
            }
            throw new AssertionError("no " + type + " with " + key + "=" + value + " within 30 s; heard: "
                    + passedOver.stream().map(n -> n.getType() + " " + n.getMessage()).toList());
        }

        private static boolean matches(Notification n, String type, String key, Object value) {
            return n.getType().equals(type) && n.getUserData() instanceof CompositeData data && value.equals(data.get(key));
        }
    }

    /** /metrics: the Prometheus text for viewers and admins, OpenMetrics when asked; 401 or 403 to everyone else. */
    @Test
    public void metricsAreServedToViewersAndAdminsOnly() throws Exception {
        awaitMetrics();
        HttpResponse<String> viewer = metrics(VIEWER, PASSWORD, null);
        assertEquals(viewer.body(), 200, viewer.statusCode());
        assertTrue(viewer.headers().firstValue("Content-Type").orElse(""), viewer.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/plain"));
        for (String family : new String[] {"fcr_fastpath_frames_processed_total ", "fcr_fastpath_worker_frames_processed_total{worker=\"0\"}",
                "fcr_fastpath_frames_dropped_total{reason=\"malformed-short\"}", "fcr_stats_bytes_total ",
                "fcr_stats_exchange_latency_seconds_bucket{le=\"+Inf\"}", "fcr_flows{state=\"active\"}",
                "fcr_storage_appends_total ", "fcr_storage_force_latency_seconds{quantile=\"0.99\"}",
                "fcr_health_up{kind=\"check\",target=\"storage\"} 1.0"}) {
            assertTrue(family + " in\n" + viewer.body(), viewer.body().contains(family));
        }
        assertFalse("no per-flow series unless topFlows asks", viewer.body().contains("flow_id"));
        HttpResponse<String> openMetrics = metrics(OPERATOR, PASSWORD, "application/openmetrics-text;version=1.0.0");
        assertEquals(200, openMetrics.statusCode());
        assertTrue(openMetrics.body(), openMetrics.body().endsWith("# EOF\n"));

        assertEquals(403, metrics(SSH_ONLY, PASSWORD, null).statusCode());
        HttpResponse<String> wrong = metrics(VIEWER, "wrong", null);
        assertEquals(401, wrong.statusCode());
        assertEquals("Basic realm=\"karaf\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(metricsUri()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body(), anonymous.body().contains("fcr_"));
    }

    /**
     * The Prometheus server of the system's package manager scrapes /metrics every second as a
     * viewer while the generator runs, and its query API sees the fast path's frame rate. Skipped
     * only outside CI when the binary is missing; CI (.ci/run sets CI) installs it and must run it.
     */
    @Test
    public void aRealPrometheusScrapesTheFramesProcessedRate() throws Exception {
        Optional<Path> binary = Stream.of("/usr/bin/prometheus", "/usr/local/bin/prometheus").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        boolean ci = Boolean.getBoolean("fcr.ci");
        Assume.assumeTrue("prometheus is not installed (apt-get install prometheus); CI installs it and runs this",
                binary.isPresent() || ci);
        assertTrue("CI must have prometheus: .ci/run installs it", binary.isPresent());
        awaitMetrics();
        Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "prometheus");
        int webPort = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "scrape_configs:",
                "  - job_name: fcr",
                "    metrics_path: /metrics",
                "    basic_auth:",
                "      username: " + VIEWER,
                "      password: " + PASSWORD,
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + config("org.ops4j.pax.web", "org.osgi.service.http.port") + "']",
                ""));
        Process prometheus = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + webPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String started = execute("fcr:traffic-start vsans=1 firstVsan=210 initiatorsPerVsan=4 targetsPerVsan=4"
                    + " flowsPerInitiator=1 appliances=2 redirectPercent=50 framesPerSecond=5000 duration=60s seed=11");
            assertTrue(started, started.contains("flows"));
            String query = "rate(fcr_fastpath_frames_processed_total[5s])";
            URI api = URI.create("http://127.0.0.1:" + webPort + "/api/v1/query?query="
                    + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
            String[] last = {""};
            await(query + " > 0 in Prometheus (its log: " + dir.resolve("prometheus.log") + ")", () -> {
                try {
                    last[0] = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher value = Pattern.compile("\"value\":\\[[0-9.]+,\"([0-9.eE+-]+)\"\\]").matcher(last[0]);
                    return value.find() && Double.parseDouble(value.group(1)) > 0;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/api/v1/targets"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(targets, targets.contains("\"health\":\"up\""));
        } finally {
            execute("fcr:traffic-stop");
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitMetrics() {
        await("/metrics answers", () -> {
            try {
                return metrics(VIEWER, PASSWORD, null).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private HttpResponse<String> metrics(String user, String password, String accept) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(metricsUri()).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI metricsUri() throws IOException {
        return URI.create("http://127.0.0.1:" + config("org.ops4j.pax.web", "org.osgi.service.http.port") + "/metrics");
    }

    @Test
    public void jolokiaReadsTheFcrMBeansOverHttp() throws Exception {
        long sequence = eventLog.append("itest-jolokia", "ping", "{}".getBytes(StandardCharsets.UTF_8))
                .get(10, TimeUnit.SECONDS).sequence();
        awaitJolokia();

        HttpResponse<String> fastPathRead = get("/read/org.fcredirect:type=FastPath", VIEWER, PASSWORD);
        assertEquals(fastPathRead.body(), 200, fastPathRead.statusCode());
        assertEquals(fastPathRead.body(), "200", field(fastPathRead.body(), "status"));
        assertEquals(fastPathRead.body(), Integer.toString(fastPath.status().workers().size()), field(fastPathRead.body(), "Workers"));
        assertEquals(fastPathRead.body(), "true", field(fastPathRead.body(), "Healthy"));

        HttpResponse<String> lastSequence = get("/read/org.fcredirect:type=Storage/LastSequence", OPERATOR, PASSWORD);
        assertEquals(lastSequence.body(), Long.toString(sequence), field(lastSequence.body(), "value"));

        HttpResponse<String> search = get("/search/org.fcredirect:*", VIEWER, PASSWORD);
        for (String type : new String[] {"Storage", "FlowManager", "PolicyEngine", "FastPath", "Traffic", "Monitor", "Config"}) {
            assertTrue(search.body(), search.body().contains("org.fcredirect:type=" + type));
        }
    }

    @Test
    public void jolokiaOperationsFollowTheJmxAclsOfTheUserAndOnlyKarafUsersGetIn() throws Exception {
        awaitJolokia();
        // a mutating operation: refused to a viewer, as over JMX RMI, and run for admin
        String stop = "{\"type\":\"exec\",\"mbean\":\"org.fcredirect:type=Traffic\",\"operation\":\"stopTraffic()\"}";
        HttpResponse<String> refused = post(stop, VIEWER, PASSWORD, null);
        assertEquals(refused.body(), "403", field(refused.body(), "status"));
        HttpResponse<String> stopped = post(stop, OPERATOR, PASSWORD, null);
        assertEquals(stopped.body(), "200", field(stopped.body(), "status"));
        // a query operation is open to a viewer
        HttpResponse<String> evaluated = post("{\"type\":\"exec\",\"mbean\":\"org.fcredirect:type=PolicyEngine\",\"operation\":\"evaluate\","
                + "\"arguments\":[10,\"20:00:00:25:b5:0a:00:01\",\"50:06:01:60:3b:a0:00:01\"]}", VIEWER, PASSWORD, null);
        assertEquals(evaluated.body(), "200", field(evaluated.body(), "status"));
        assertTrue(evaluated.body(), evaluated.body().contains("permit"));
        // attribute writes are refused to everyone
        HttpResponse<String> write = post("{\"type\":\"write\",\"mbean\":\"org.fcredirect:type=FastPath\",\"attribute\":\"Workers\",\"value\":5}",
                OPERATOR, PASSWORD, null);
        assertEquals(write.body(), "403", field(write.body(), "status"));

        assertEquals(401, get("/read/org.fcredirect:type=FastPath/Workers", VIEWER, "wrong").statusCode());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(jolokia("/read/org.fcredirect:type=FastPath/Workers")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge, challenge.toLowerCase(java.util.Locale.ROOT).startsWith("basic") && challenge.contains("karaf"));
    }

    @Test
    public void jolokiaRunsOperationsOnlyOverPostAndOnlyForPagesOfThisHost() throws Exception {
        awaitJolokia();
        // a GET exec, in the path form and in the ?p= form, is refused even to admin: a link could send it
        HttpResponse<String> pathForm = get("/exec/org.fcredirect:type=Traffic/stopTraffic()", OPERATOR, PASSWORD);
        assertEquals(pathForm.body(), "403", field(pathForm.body(), "status"));
        HttpResponse<String> paramForm = get("/?p=/exec/org.fcredirect:type=Traffic/stopTraffic()", OPERATOR, PASSWORD);
        assertEquals(paramForm.body(), "403", field(paramForm.body(), "status"));
        // a POST from a page of another site is refused
        String stop = "{\"type\":\"exec\",\"mbean\":\"org.fcredirect:type=Traffic\",\"operation\":\"stopTraffic()\"}";
        HttpResponse<String> foreign = post(stop, OPERATOR, PASSWORD, "http://evil.example:8181");
        assertTrue(foreign.statusCode() + " " + foreign.body(), foreign.statusCode() == 403 || "403".equals(field(foreign.body(), "status")));
        // a POST without Origin (curl, scripts) as admin runs; so do reads over GET
        HttpResponse<String> plain = post(stop, OPERATOR, PASSWORD, null);
        assertEquals(plain.body(), "200", field(plain.body(), "status"));
        assertEquals("200", field(get("/read/org.fcredirect:type=FastPath/Workers", OPERATOR, PASSWORD).body(), "status"));
    }

    @Test
    public void httpAndJmxListenOnLoopbackOnly() throws Exception {
        awaitJolokia();
        assertEquals("127.0.0.1", config("org.ops4j.pax.web", "org.ops4j.pax.web.listening.addresses"));
        // Not the RMI registry: under Pax Exam it is the test driver's own registry (Pax Exam points
        // rmiRegistryPort at it and Karaf reuses it), which listens on every interface.
        Map<String, Integer> ports = Map.of(
                "HTTP", Integer.parseInt(config("org.ops4j.pax.web", "org.osgi.service.http.port")),
                "RMI server", Integer.parseInt(config("org.apache.karaf.management", "rmiServerPort")));
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            int port = entry.getValue();
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(loopback.isConnected());
            }
            // every other address of this host: nobody answers there
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket other = new Socket()) {
                        other.connect(new InetSocketAddress(address, port), 2000);
                        fail(entry.getKey() + " port " + port + " answers on " + address);
                    } catch (ConnectException | SocketTimeoutException expected) {
                        // refused: bound to 127.0.0.1 only
                    }
                }
            }
        }
    }

    /**
     * Over Jolokia as over RMI: every operation of every MBean that nobody reviewed as a viewer's
     * query, and every attribute write, is refused to a viewer (one bulk POST, enumerated from the
     * MBean server, not listed by hand).
     */
    @Test
    public void jolokiaRefusesAViewerEveryOperationNotReviewedAsAQuery() throws Exception {
        awaitJolokia();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> requests = new ArrayList<>();
        for (ObjectName name : server.queryNames(null, null)) {
            MBeanInfo info = server.getMBeanInfo(name);
            for (MBeanOperationInfo operation : info.getOperations()) {
                if (SecurityIT.VIEWER_OPERATIONS.contains(SecurityIT.kind(name) + " " + operation.getName())) {
                    continue;
                }
                String signature = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType)
                        .collect(Collectors.joining(","));
                String nulls = String.join(",", Collections.nCopies(operation.getSignature().length, "null"));
                requests.add("{\"type\":\"exec\",\"mbean\":" + quoted(name.toString()) + ",\"operation\":"
                        + quoted(operation.getName() + "(" + signature + ")") + ",\"arguments\":[" + nulls + "]}");
            }
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                if (attribute.isWritable()) {
                    requests.add("{\"type\":\"write\",\"mbean\":" + quoted(name.toString()) + ",\"attribute\":"
                            + quoted(attribute.getName()) + ",\"value\":null}");
                }
            }
        }
        assertTrue("enumerated " + requests.size() + " operations and writes", requests.size() > 100);
        HttpResponse<String> answer = post("[" + String.join(",", requests) + "]", VIEWER, PASSWORD, null);
        assertEquals(answer.body(), 200, answer.statusCode());
        Matcher statuses = Pattern.compile("\"status\":(\\d+)").matcher(answer.body());
        List<String> allowed = new ArrayList<>();
        int refused = 0;
        for (int i = 0; statuses.find(); i++) {
            if ("403".equals(statuses.group(1))) {
                refused++;
            } else {
                allowed.add(statuses.group(1) + " " + requests.get(i));
            }
        }
        assertTrue("a viewer got past the restrictor:\n" + String.join("\n", allowed), allowed.isEmpty());
        assertEquals("one answer per request", requests.size(), refused);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Pax Web starts Jetty and Jolokia registers its servlet after the fcr services are up. */
    private void awaitJolokia() {
        await("Jolokia answers at " + jolokia(""), () -> {
            try {
                return get("/version", VIEWER, PASSWORD).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(jolokia(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of Jolokia JSON requests, as curl -d or a browser page would send it (origin null: no Origin header). */
    private HttpResponse<String> post(String json, String user, String password, String origin) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(jolokia("")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI jolokia(String path) {
        try {
            return URI.create("http://127.0.0.1:" + config("org.ops4j.pax.web", "org.osgi.service.http.port") + "/jolokia" + path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A scalar field of Jolokia's JSON answer ("status": 200, "Workers": 2, "value": 17 ...). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private String config(String pid, String key) throws IOException {
        return String.valueOf(configurationAdmin.getConfiguration(pid, null).getProperties().get(key));
    }
}
