package org.fcredirect.storage.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;

/** Small helpers shared by the engine tests. */
final class TestLogs {
    static final long SMALL_SEGMENT = LogSettings.MIN_SEGMENT_BYTES;

    private TestLogs() {
    }

    /** Waits for a condition that no latch can signal, failing after 20 s. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    static LogSettings settings(Path dir) {
        return LogSettings.of(dir, SMALL_SEGMENT, DurabilityMode.FSYNC, 1024, 1000);
    }

    static FileEventLog open(Path dir) {
        return FileEventLog.open(settings(dir));
    }

    static FileEventLog open(LogSettings settings, ChannelFactory channels, int subscriberBuffer) {
        return FileEventLog.open(settings, channels, Clock.systemUTC(), subscriberBuffer);
    }

    static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(StoredEvent e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    /** Appends and waits, failing the test after 10 s. */
    static long append(EventLog log, String stream, String type, String payload) {
        try {
            return log.append(stream, type, payload(payload)).get(10, TimeUnit.SECONDS).sequence();
        } catch (Exception e) {
            throw new AssertionError("append of " + payload + " failed", e);
        }
    }

    static List<StoredEvent> readAll(EventLog log, StreamFilter filter, long from) {
        List<StoredEvent> all = new ArrayList<>();
        log.replay(filter, from, all::add);
        return all;
    }

    /** Asserts the whole log holds exactly sequences 1..n, in order. */
    static List<StoredEvent> assertGapless(EventLog log, long n) {
        List<StoredEvent> all = readAll(log, StreamFilter.all(), 1);
        assertEquals(n, all.size(), "events in the log");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).sequence(), "sequence at position " + i);
        }
        return all;
    }

    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(Segment.SUFFIX)).sorted().toList();
        }
    }

    static Path newestSegment(Path dir) throws IOException {
        List<Path> s = segments(dir);
        return s.get(s.size() - 1);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
