package org.fcredirect.fastpath.impl;

import java.util.Map;
import java.util.function.Supplier;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;

/** Turns a {@link FastPathConfig} from ConfigAdmin into checked {@link FastPathSettings}, or says which key is wrong. */
final class Settings {
    static final int DEFAULT_WORKERS = 2;
    static final int DEFAULT_RING_SIZE = 64;
    static final int DEFAULT_CONTROL_QUEUE_SIZE = 256;
    static final int DEFAULT_STATS_QUEUE_SIZE = 64;
    static final long DEFAULT_STATS_INTERVAL_MILLIS = 1000;
    static final int DEFAULT_EXCHANGE_TABLE_SIZE = 65536;

    private Settings() {
    }

    static FastPathSettings defaults() {
        return new FastPathSettings(DEFAULT_WORKERS, DEFAULT_RING_SIZE, DEFAULT_CONTROL_QUEUE_SIZE,
                DEFAULT_STATS_QUEUE_SIZE, DEFAULT_STATS_INTERVAL_MILLIS, DefaultDecision.FORWARD,
                DEFAULT_EXCHANGE_TABLE_SIZE);
    }

    /**
     * @param raw the component properties, to quote a value that could not even be converted
     * @throws InvalidSettingException naming the first bad key, its value and the rule
     */
    static FastPathSettings from(FastPathConfig c, Map<String, ?> raw) {
        int workers = range("workers", read("workers", c::workers, raw), 1, 64);
        int ring = range("ringSize", read("ringSize", c::ringSize, raw), 2, 65536);
        int controlSize = range("controlQueueSize", read("controlQueueSize", c::controlQueueSize, raw), 2, 65536);
        int statsSize = range("statsQueueSize", read("statsQueueSize", c::statsQueueSize, raw), 2, 65536);
        long interval = read("statsIntervalMillis", c::statsIntervalMillis, raw);
        if (interval < 10 || interval > 60_000) {
            throw new InvalidSettingException("statsIntervalMillis", interval, "must be 10..60000");
        }
        String decision = read("defaultDecision", c::defaultDecision, raw);
        DefaultDecision d;
        try {
            d = DefaultDecision.parse(decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("defaultDecision", decision, "must be forward or drop");
        }
        int exchanges = range("exchangeTableSize", read("exchangeTableSize", c::exchangeTableSize, raw), 64, 1 << 24);
        return new FastPathSettings(workers, ring, controlSize, statsSize, interval, d, exchanges);
    }

    /** Whether going from {@code a} to {@code b} needs a new pipeline. */
    static boolean structural(FastPathSettings a, FastPathSettings b) {
        return a.workers() != b.workers() || a.ringSize() != b.ringSize() || a.controlQueueSize() != b.controlQueueSize()
                || a.statsQueueSize() != b.statsQueueSize() || a.exchangeTableSize() != b.exchangeTableSize();
    }

    private static int range(String key, int v, int min, int max) {
        if (v < min || v > max) {
            throw new InvalidSettingException(key, v, "must be " + min + ".." + max);
        }
        return v;
    }

    /** A value the framework could not convert to the attribute's type surfaces as an exception. */
    private static <T> T read(String key, Supplier<T> getter, Map<String, ?> raw) {
        try {
            T value = getter.get();
            if (value == null) {
                throw new InvalidSettingException(key, null, "is missing");
            }
            return value;
        } catch (InvalidSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidSettingException(key, raw.get(key), "is not a value of the right type");
        }
    }
}
