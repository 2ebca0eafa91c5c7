package org.fcredirect.tools.kafkacluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One combined broker+controller process of a {@link KafkaCluster}: its ports, files and process. */
public final class BrokerNode {
    /**
     * The broker logs through slf4j-simple to its standard output, which goes to {@code broker.log}:
     * INFO with times, its noisiest internals (each log segment's roll and every group's metadata
     * load) at WARN.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.logFile=System.out",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            "-Dorg.slf4j.simpleLogger.showShortLogName=true",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage.internals.log=warn",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.coordinator=warn");

    private final int id;
    private final Path directory;
    private final int brokerPort;
    private final int controllerPort;
    private final String classpath;
    private final boolean tied;
    private Process process;

    /** @param tied the node dies with this JVM ({@link TiedBroker}); otherwise it runs until stopped */
    BrokerNode(int id, Path directory, int brokerPort, int controllerPort, String classpath, boolean tied) {
        this.id = id;
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.tied = tied;
    }

    /** {@code 127.0.0.1:port} of its broker listener. */
    public String address() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    Path logFile() {
        return directory.resolve("broker.log");
    }

    void writeProperties(String voters, int internalReplication) throws IOException {
        Files.createDirectories(directory);
        Map<String, String> settings = new TreeMap<>(KafkaCluster.brokerSettings(id, brokerPort, controllerPort, voters,
                directory.resolve("data"), internalReplication));
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(propertiesFile(), text.toString());
    }

    /** {@code kafka-storage format}: writes the cluster id and this node's metadata into its data directory. */
    void format(String clusterId, Duration timeout) throws IOException {
        Process p = java("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "--config",
                propertiesFile().toString()).redirectOutput(directory.resolve("format.log").toFile()).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("formatting Kafka node " + id + " took over " + timeout
                        + "; see " + directory.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka node " + id, e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka node " + id + " failed with exit code " + p.exitValue()
                    + ": " + Files.readString(directory.resolve("format.log")).strip());
        }
    }

    synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Kafka node " + id + " is already running");
        }
        try {
            process = java(tied ? TiedBroker.class.getName() : "kafka.Kafka", propertiesFile().toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + id, e);
        }
    }

    /** @throws IllegalStateException when a started process has exited on its own */
    synchronized void checkAlive() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("Kafka node " + id + " exited with code " + process.exitValue() + "; see "
                    + logFile());
        }
    }

    synchronized void signalKill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
            process = null;
        }
    }

    synchronized void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    synchronized void awaitExitOrKill(Duration grace) {
        if (process != null) {
            if (!waitFor(process, grace)) {
                process.destroyForcibly();
                waitFor(process, grace);
            }
            process = null;
        }
    }

    private static boolean waitFor(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    }
}
