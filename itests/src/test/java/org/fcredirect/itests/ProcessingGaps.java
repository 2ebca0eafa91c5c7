package org.fcredirect.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Watches a frame counter on a thread of its own, sampling it every few tens of microseconds, and
 * keeps per named phase the longest time it was seen standing still and its rate over 10 ms windows: where
 * processing stalled and how far its rate dipped. Phases are switched by the test; a gap counts in
 * the phase in which it ends.
 */
final class ProcessingGaps implements AutoCloseable {
    private static final long SAMPLE_NANOS = 20_000;
    private static final long WINDOW_NANOS = 10_000_000;

    private final LongSupplier counter;
    private final Thread thread;
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private volatile Phase current;
    private volatile boolean running = true;

    ProcessingGaps(LongSupplier counter, String firstPhase) {
        this.counter = counter;
        phase(firstPhase);
        thread = new Thread(this::run, "itest-processing-gaps");
        thread.setDaemon(true);
        thread.start();
    }

    void phase(String name) {
        synchronized (phases) {
            current = phases.computeIfAbsent(name, Phase::new);
        }
    }

    /**
     * A stall is measured from the first to the last sample that saw one value, so a watcher that
     * was itself descheduled between two samples that differ counts nothing it did not see.
     */
    private void run() {
        long last = counter.getAsLong();
        long firstSeen = System.nanoTime();
        long lastSeen = firstSeen;
        long windowStart = firstSeen;
        long windowFrames = last;
        while (running) {
            LockSupport.parkNanos(SAMPLE_NANOS);
            long value = counter.getAsLong();
            long now = System.nanoTime();
            Phase p = current;
            if (value != last) {
                p.longestGapNanos = Math.max(p.longestGapNanos, lastSeen - firstSeen);
                last = value;
                firstSeen = now;
            }
            lastSeen = now;
            if (now - windowStart >= WINDOW_NANOS) {
                p.rates.add((value - windowFrames) * 1e9 / (now - windowStart));
                windowStart = now;
                windowFrames = value;
            }
        }
    }

    /** One line per phase: longest gap, median and lowest windowed rate, the dip against {@code reference}'s median. */
    List<String> report(String reference) {
        close();
        double base = phases.get(reference).median();
        List<String> lines = new ArrayList<>();
        for (Phase p : phases.values()) {
            lines.add(String.format("%-34s longest gap %8.3f ms   frames/s median %,12.0f  lowest 10 ms window %,12.0f"
                    + "  (%5.1f %% below the %s median)", p.name, p.longestGapNanos / 1e6, p.median(), p.lowest(),
                    100 * (1 - p.lowest() / base), reference));
        }
        return lines;
    }

    double longestGapMillis(String phase) {
        return phases.get(phase).longestGapNanos / 1e6;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Phase {
        final String name;
        final List<Double> rates = new ArrayList<>();
        long longestGapNanos;

        Phase(String name) {
            this.name = name;
        }

        double median() {
            double[] r = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return r.length == 0 ? 0 : r[r.length / 2];
        }

        double lowest() {
            return Arrays.stream(rates.stream().mapToDouble(Double::doubleValue).toArray()).min().orElse(0);
        }
    }
}
