package org.fcredirect.itests;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private ProcessHandle find() {
        String settings = directory.resolve("server.properties").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(settings)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no broker runs with " + settings));
    }

    /** SIGKILL, as a crash; returns the command line to start it again with. */
    List<String> kill() throws InterruptedException {
        ProcessHandle broker = find();
        List<String> command = new ArrayList<>();
        command.add(broker.info().command().orElseThrow());
        command.addAll(List.of(broker.info().arguments().orElseThrow()));
        broker.destroyForcibly();
        broker.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return command;
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
