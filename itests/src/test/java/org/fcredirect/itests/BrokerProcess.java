package org.fcredirect.itests;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One broker of the IT's Kafka cluster, seen from inside the container: the cluster was started
 * by the test driver, so the container finds the broker's JVM by the settings file on its command
 * line, kills it with SIGKILL and starts the same command again on the same data.
 */
final class BrokerProcess {
    private final Path directory;
    private Process restarted;

    /** @param directory the broker's folder in the cluster's: node-1 .. node-3 */
    BrokerProcess(Path directory) {
        this.directory = directory;
    }

    /**
     * The broker's process and command line, from /proc: {@code ProcessHandle.Info} gives no
     * arguments for a command line as long as a broker's class path.
     */
    private record Found(ProcessHandle process, List<String> command) {
    }

    private Found find() throws IOException {
        String settings = directory.resolve("server.properties").toString();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(cmdline);
            } catch (IOException gone) {
                continue;
            }
            List<String> command = List.of(new String(bytes, StandardCharsets.UTF_8).split("\0"));
            if (command.contains(settings)) {
                return new Found(p, command);
            }
        }
        throw new IllegalStateException("no broker runs with " + settings);
    }

    /** SIGKILL, as a crash; returns the command line to start it again with. */
    List<String> kill() throws IOException {
        Found broker = find();
        broker.process().destroyForcibly();
        broker.process().onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return broker.command();
    }

    /** Starts the killed broker again, tied to this JVM, and waits until it listens. */
    void restart(List<String> command) throws IOException {
        restarted = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile())).start();
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve("server.properties"))) {
            settings.load(in);
        }
        Matcher m = Pattern.compile("PLAINTEXT://[^:]+:(\\d+)").matcher(settings.getProperty("listeners", ""));
        if (!m.find()) {
            throw new IOException("no broker listener in " + directory.resolve("server.properties"));
        }
        int port = Integer.parseInt(m.group(1));
        FcrTestSupport.await("broker " + directory.getFileName() + " listening on " + port, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException e) {
                return restarted.isAlive() ? false : failed();
            }
        });
    }

    private boolean failed() {
        throw new IllegalStateException("broker " + directory.getFileName() + " exited at once; see "
                + directory.resolve("broker.log"));
    }
}
