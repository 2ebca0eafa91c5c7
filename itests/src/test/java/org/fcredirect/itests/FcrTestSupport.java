package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.inject.Inject;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the built fc-redirect assembly (the same zip the README runs) once per test class and
 * gives tests the shell's command processor. Every IT extends this class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class FcrTestSupport {
    static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final long POLL_NANOS = 50_000_000;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    static final String PROJECT_VERSION = System.getProperty("fcr.version");
    /** The version of the second build of every service (fixtures/upgrades). */
    static final String UPGRADE_VERSION = System.getProperty("fcr.upgrade.version");
    /** Redirected flows at a rate two cores sustain beside a Karaf that is upgrading; flows stay after a stop. */
    static final String UPGRADE_TRAFFIC = "vsans=1 firstVsan=200 initiatorsPerVsan=10 targetsPerVsan=10 flowsPerInitiator=4"
            + " appliances=4 redirectPercent=75 framesPerSecond=5000 cleanup=false seed=11";

    /** The services every fcr command needs; a test starts once the boot has registered them all. */
    static final List<String> FCR_SERVICES = List.of("org.fcredirect.storage.api.EventLog",
            "org.fcredirect.flow.api.FlowService", "org.fcredirect.policy.api.PolicyService",
            "org.fcredirect.monitor.api.MonitorService", "org.fcredirect.config.api.ConfigService",
            "org.fcredirect.fastpath.api.FastPath", "org.fcredirect.traffic.api.TrafficService",
            "org.fcredirect.stats.api.StatsService");

    @Before
    public void awaitFcrServices() {
        // the boot is asynchronous: services can be up while the deployer still refreshes bundles
        await("the boot features installed", () -> bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null);
        for (String name : FCR_SERVICES) {
            await(name + " registered", () -> bundleContext.getServiceReference(name) != null);
        }
        await("the flow manager follows the policy engine", () -> "following".equals(health("flow").details().get("policyEngine")));
    }

    /**
     * SCR logs a circular reference when a component needs a service whose provider needs it back
     * (the flow manager and the policy engine once did); none may be left in any boot.
     */
    @After
    public void noCircularReferenceLogged() throws IOException {
        Path log = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        assertTrue("no log at " + log, Files.exists(log));
        List<String> circular = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.toLowerCase(Locale.ROOT).contains("circular reference")).toList();
        assertTrue("SCR logged circular references: " + circular, circular.isEmpty());
    }

    /** The feature repository of a service's second build, e.g. {@code stats} (fixtures/upgrades). */
    static String upgradeRepository(String service) {
        return "mvn:org.fcredirect/upgrades/" + PROJECT_VERSION + "/xml/features-" + service;
    }

    /** Waits until the fast path has processed more than {@code frames} frames. */
    protected static void awaitFramesPast(FastPath fastPath, long frames) {
        await("the fast path past " + frames + " frames", () -> fastPath.status().framesProcessed() > frames);
    }

    /**
     * Once the traffic run has ended and the fast path's statistics output is drained: the frames of
     * every flow the stats service counted, unmatched ones (flow 0) included, are exactly the
     * frames the fast path processed.
     */
    protected void assertStatsReconcile(FastPath fastPath) throws InterruptedException {
        // a stopped run still ends its open exchanges (and with clean-up logs its ports out on the wire)
        TrafficStatus run = service(TrafficService.class).awaitTraffic(Duration.ofMillis(DEFAULT_TIMEOUT_MS));
        assertTrue("the traffic run ended: " + run, !run.state().active());
        await("the statistics output drained", () -> fastPath.status().stats().empty());
        StatsService stats = service(StatsService.class);
        FlowService flows = service(FlowService.class);
        long counted = stats.flow(StatsSource.UNMATCHED_FLOW).map(f -> f.counters().frames()).orElse(0L);
        for (Flow f : flows.list(FlowFilter.all(), 0, 1_000_000).flows()) {
            counted += stats.flow(f.id().value()).map(s -> s.counters().frames()).orElse(0L);
        }
        FastPathStatus status = fastPath.status();
        assertEquals("frames in the per-flow statistics vs frames the fast path processed (backlog " + status.stats()
                + ")", status.framesProcessed(), counted);
    }

    /** The URL of Karaf's JMX RMI connector, on the free ports this boot gave it. */
    protected JMXServiceURL jmxServiceUrl() throws IOException, InterruptedException {
        Dictionary<String, Object> management = service(ConfigurationAdmin.class)
                .getConfiguration("org.apache.karaf.management", null).getProperties();
        return new JMXServiceURL(String.format("service:jmx:rmi://127.0.0.1:%s/jndi/rmi://127.0.0.1:%s/karaf-%s",
                management.get("rmiServerPort"), management.get("rmiRegistryPort"), System.getProperty("karaf.name", "root")));
    }

    /** Runs the named health check once, as the monitor would. */
    protected HealthResult health(String name) {
        try {
            Collection<ServiceReference<HealthCheck>> refs = bundleContext.getServiceReferences(HealthCheck.class,
                    "(" + HealthCheck.NAME + "=" + name + ")");
            if (refs.isEmpty()) {
                return HealthResult.unhealthy("no " + name + " health check registered");
            }
            ServiceReference<HealthCheck> ref = refs.iterator().next();
            try {
                return bundleContext.getService(ref).check();
            } finally {
                bundleContext.ungetService(ref);
            }
        } catch (Exception e) {
            return HealthResult.unhealthy(e.toString());
        }
    }

    @Configuration
    public Option[] config() {
        String zip = System.getProperty("fcr.assembly.zip");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Option[] base = {
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + new File(zip).getAbsolutePath())
                    .karafVersion(System.getProperty("karaf.version", "4.4.10"))
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            sshServer() ? configureConsole().ignoreLocalConsole() : configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // what fc-redirect logs is one line per operator-relevant event: keep it for failed runs
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.fcr.name", "org.fcredirect"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.fcr.level", "INFO"),
            // and what the feature deployer installs, updates and refreshes
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.features.name", "org.apache.karaf.features"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.features.level", "INFO"),
            // the container resolves the exam feature and SNAPSHOT bundles from the build's own repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            // A synchronous boot installs the boot features on the start-level thread; when the deployer
            // then has to stop a bundle that thread holds, the boot deadlocks (seen once in 20 boots here).
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBootAsynchronous", "true"),
            // Our boot features as a stage of their own: Pax Exam's feature (its probe installer) comes
            // after it, so the probe never meets the deployer's resolver hook of our boot (PAXEXAM-765).
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                    "(" + bootFeatures(zip).replaceFirst("(^|,\\s*)fcr/", "$1" + bootFeature() + "/") + ")"),
            // tests count frames exactly: no demo traffic beside theirs
            editConfigurationFilePut("etc/org.fcredirect.demo.cfg", "enabled", "false"),
            // free ports, so the tests run beside a Karaf started with ./run
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(freePort())),
            systemProperty("pax.exam.osgi.unresolved.fail").value("true"),
            // the tests run inside the container: hand them the versions the build knows
            systemProperty("fcr.version").value(System.getProperty("fcr.version")),
            systemProperty("fcr.upgrade.version").value(System.getProperty("fcr.upgrade.version")),
            // whether the build runs in CI (.ci/run): a test that needs a system tool fails there instead of skipping
            systemProperty("fcr.ci").value(Boolean.toString(System.getenv("CI") != null)),
            when(Boolean.getBoolean("fcr.keepRuntime")).useOptions(keepRuntimeFolder()),
        };
        Option[] extra = extraOptions();
        Option[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** The assembly's own boot features, as its etc/org.apache.karaf.features.cfg lists them. */
    private static String bootFeatures(String zip) {
        try (ZipFile z = new ZipFile(zip)) {
            ZipEntry cfg = z.stream().filter(e -> e.getName().endsWith("etc/org.apache.karaf.features.cfg")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(zip + " has no etc/org.apache.karaf.features.cfg"));
            Properties p = new Properties();
            try (InputStream in = z.getInputStream(cfg)) {
                p.load(in);
            }
            return p.getProperty("featuresBoot").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    /** A port nobody listens on now, on the loopback interface. */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /** Whether Karaf starts its SSH server (on a free port); off unless a test logs in over SSH. */
    protected boolean sshServer() {
        return false;
    }

    /** The aggregate feature the boot installs: {@code fcr}, or {@code fcr-fabric} for the event log on Kafka. */
    protected String bootFeature() {
        return "fcr";
    }

    /** Options a test class adds to the boot, e.g. extra configuration. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /**
     * Runs a command line through the real command processor, as an operator with the admin role
     * would type it, and returns what it printed.
     *
     * @throws Exception what the command threw (the shell prints its message to the operator)
     */
    protected String execute(String commandLine) throws Exception {
        return executeAs(operator("itest", "admin", "manager", "viewer", "ssh"), commandLine);
    }

    /**
     * Runs a command line as the given user. The command ACLs (etc/org.apache.karaf.command.acl.*.cfg)
     * check the roles of the Subject the command runs under, as for an SSH session; a command with
     * an ACL entry is refused when there is no Subject at all.
     */
    protected String executeAs(Subject user, String commandLine) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            try {
                doAs(user, () -> session.execute(commandLine));
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A user as Karaf's JAAS login makes it, with these roles. */
    protected static Subject operator(String name, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(name));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        return subject;
    }

    @SuppressWarnings({"removal", "deprecation"}) // Subject.doAs: what Karaf's own shell uses on Java 17
    private static void doAs(Subject subject, PrivilegedExceptionAction<Object> action) throws Exception {
        try {
            Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /**
     * Asserts that the command fails with one line that contains {@code expected}: what an
     * operator sees for a bad argument, never a stack trace.
     */
    protected void assertRejected(String command, String expected) {
        String out;
        try {
            out = execute(command);
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            assertTrue(command + " -> " + message, message.contains(expected));
            assertEquals(command + " -> one line: " + message, 1, message.lines().count());
            return;
        }
        fail(command + " should be rejected, printed: " + out);
    }

    /** The service as registered now, waiting for it to come (e.g. after a bundle restart). */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(DEFAULT_TIMEOUT_MS);
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service within " + DEFAULT_TIMEOUT_MS + " ms");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    protected List<Bundle> fcrBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.fcredirect."))
                .collect(Collectors.toList());
    }

    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    /** Waits for a condition with a deadline instead of sleeping a fixed time. */
    protected static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT_MS, condition);
    }

    protected static void await(String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
