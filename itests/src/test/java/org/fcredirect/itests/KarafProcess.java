package org.fcredirect.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The assembly as an operator runs it, outside Pax Exam: the zip unpacked, free ports, extra users,
 * {@code bin/karaf server} started with FCR_ADMIN_PASSWORD (bin/setenv provisions admin) and the
 * demo running; stopped with {@code bin/stop}. For tests whose client cannot live inside the
 * container, like a browser.
 */
final class KarafProcess implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final String adminPassword;
    private final Process process;

    private KarafProcess(Path home, int httpPort, String adminPassword, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /**
     * @param zip the assembly
     * @param into a fresh folder to unpack it in
     * @param users lines for etc/users.properties
     */
    static KarafProcess start(Path zip, Path into, String adminPassword, List<String> users) throws IOException {
        Path home = unpack(zip, into);
        int httpPort = freePort();
        set(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        // as FcrTestSupport does: a boot on the start-level thread can deadlock when the deployer stops a bundle
        set(home.resolve("etc/org.apache.karaf.features.cfg"), "featuresBootAsynchronous", "true");
        Files.write(home.resolve("etc/users.properties"), users, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return launch(home, httpPort, adminPassword);
    }

    /**
     * A second node of a fabric: boots {@code fcr-fabric} on the Kafka history {@code topic} at
     * {@code servers} as {@code nodeId}, without the demo.
     */
    static KarafProcess startFabricNode(Path zip, Path into, String adminPassword, String servers, String topic,
            String nodeId) throws IOException {
        Path home = unpack(zip, into);
        Path boot = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(boot, Files.readString(boot).replaceFirst("(?m)^(\\s*)fcr/", "$1fcr-fabric/"));
        set(home.resolve("etc/org.fcredirect.storage.kafka.cfg"), "bootstrapServers", servers);
        set(home.resolve("etc/org.fcredirect.storage.kafka.cfg"), "nodeId", nodeId);
        set(home.resolve("etc/org.fcredirect.storage.kafka.cfg"), "topic", topic);
        set(home.resolve("etc/org.fcredirect.demo.cfg"), "enabled", "false");
        int httpPort = freePort();
        set(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        set(boot, "featuresBootAsynchronous", "true");
        return launch(home, httpPort, adminPassword);
    }

    private static KarafProcess launch(Path home, int httpPort, String adminPassword) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("FCR_ADMIN_PASSWORD", adminPassword);
        return new KarafProcess(home, httpPort, adminPassword, pb.start());
    }

    /** Kills the node's JVM with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The same node started again on its home, after {@link #kill} or {@link #close}. */
    KarafProcess restart() throws IOException {
        return launch(home, httpPort, adminPassword);
    }

    /** The SSH port etc/org.apache.karaf.shell.cfg gives. */
    int sshPort() throws IOException {
        Matcher m = Pattern.compile("(?m)^sshPort\\s*=\\s*(\\d+)").matcher(
                Files.readString(home.resolve("etc/org.apache.karaf.shell.cfg")));
        if (!m.find()) {
            throw new IOException("no sshPort in " + home);
        }
        return Integer.parseInt(m.group(1));
    }

    int httpPort() {
        return httpPort;
    }

    Path home() {
        return home;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** bin/stop, then waits for the JVM; kills what is left after 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("stop.out").toFile()).start();
        stop.waitFor(30, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Path unpack(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        Path root = null;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = z.entries(); entries.hasMoreElements();) {
                ZipEntry e = entries.nextElement();
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the folder: " + e.getName());
                }
                if (root == null) {
                    root = into.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
                if (target.getParent().getFileName().toString().equals("bin")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
        if (root == null) {
            throw new IOException(zip + " is empty");
        }
        return root;
    }

    /** Replaces the value of {@code key} in a .cfg file (the line must be there). */
    private static void set(Path cfg, String key, String value) throws IOException {
        String text = Files.readString(cfg);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!m.find()) {
            throw new IOException(cfg + " has no " + key);
        }
        Files.writeString(cfg, m.replaceFirst(Matcher.quoteReplacement(key + " = " + value)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
