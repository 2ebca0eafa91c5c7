package org.fcredirect.bench.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable appends per second on the two backends in one run: {@code file} (fsync, group commit)
 * and {@code kafka} (a three-broker KRaft cluster on this machine started for the trial:
 * replication 3, min.insync.replicas 2, acks=all, one transaction per group of waiting appends).
 * One operation is one acknowledged append of a 100-byte payload; the appender keeps
 * {@code inFlight} appends outstanding, waiting for the oldest before issuing the next.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FabricAppendBenchmark {

    @Param({"file", "kafka"})
    public String backend;

    @Param({"1", "64"})
    public int inFlight;

    @Param("100")
    public int payloadBytes;

    private BenchBackend store;
    private EventLog log;
    private CompletableFuture<?>[] window;
    private byte[] payload;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        store = BenchBackend.open(backend, "append");
        log = store.log();
        window = new CompletableFuture<?>[inFlight];
        payload = new byte[payloadBytes];
    }

    @TearDown(Level.Iteration)
    public void drain() {
        for (int i = 0; i < window.length; i++) {
            if (window[i] != null) {
                window[i].join();
                window[i] = null;
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    @Threads(1)
    public Object append() {
        CompletableFuture<?> oldest = window[next];
        Object done = oldest == null ? null : oldest.join();
        CompletableFuture<Appended> f = log.append("bench", "tick", payload);
        window[next] = f;
        next = next + 1 == window.length ? 0 : next + 1;
        return done;
    }
}
