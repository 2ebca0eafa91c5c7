package org.fcredirect.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fcredirect.tools.kafkacluster.KafkaCluster;

/**
 * The three-broker KRaft cluster of an IT class, started by the test driver (outside the Karaf
 * container, where {@code @Configuration} runs) and killed when the driver's JVM exits. Only the
 * driver loads this class.
 */
final class TestKafkaCluster {
    private static KafkaCluster cluster;
    private static Path directory;

    private TestKafkaCluster() {
    }

    static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                directory = Files.createTempDirectory(Path.of("target"), "kafka-").toAbsolutePath();
                cluster = KafkaCluster.start(directory, 3, Duration.ofSeconds(120));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::kill, "kafka-cluster-kill"));
        }
        return cluster.bootstrapServers();
    }

    /** Where the brokers keep their settings, data and logs: node-1, node-2, node-3. */
    static synchronized Path directory() {
        bootstrapServers();
        return directory;
    }
}
