package org.fcredirect.tools.kafkacluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * For scripts: {@code start DIR [SIZE]} starts a cluster under DIR, prints its bootstrap servers
 * and leaves it running; {@code stop DIR} stops the nodes whose process ids DIR/pids holds.
 */
public final class KafkaClusterMain {
    static final String USAGE = "usage: KafkaClusterMain start DIR [SIZE 1..9, default 3] | stop DIR";

    private KafkaClusterMain() {
    }

    public static void main(String[] args) throws IOException {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static String run(String[] args) throws IOException {
        if (args.length >= 2 && args.length <= 3 && args[0].equals("start")) {
            int size = args.length == 3 ? parseSize(args[2]) : 3;
            return KafkaCluster.startDetached(Path.of(args[1]), size, Duration.ofSeconds(120)).bootstrapServers();
        }
        if (args.length == 2 && args[0].equals("stop")) {
            return stop(Path.of(args[1]));
        }
        throw new IllegalArgumentException(USAGE);
    }

    private static int parseSize(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cluster size '" + text + "' is not a number; " + USAGE);
        }
    }

    /** SIGTERM to every node, SIGKILL to any still running after 10 s. */
    static String stop(Path dir) throws IOException {
        String pids;
        try {
            pids = Files.readString(dir.resolve("pids")).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no cluster in " + dir + ": " + dir.resolve("pids") + " is missing");
        }
        int stopped = 0;
        for (String pid : pids.split("\\s+")) {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(pid));
            if (p.isPresent() && p.get().isAlive() && p.get().info().command().orElse("").endsWith("java")) {
                p.get().destroy();
                try {
                    p.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.get().destroyForcibly();
                }
                stopped++;
            }
        }
        Files.delete(dir.resolve("pids"));
        return "stopped " + stopped + " Kafka node(s) of " + dir;
    }
}
