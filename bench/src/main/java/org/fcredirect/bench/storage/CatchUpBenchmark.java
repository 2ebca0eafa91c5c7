package org.fcredirect.bench.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A joining node's catch-up over a history of 1 000 000 events (100-byte payloads, four streams,
 * written in atomic batches of 4096 during setup), on the file log and on a three-broker Kafka
 * cluster in the same run. {@code replay}: the rebuild on start, every event from sequence 1 to the
 * end handed over on the calling thread; {@code subscribe}: a subscription from sequence 1 until it
 * has delivered the last event. One operation is one event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CatchUpBenchmark {
    static final int EVENTS = 1_000_000;

    @Param({"file", "kafka"})
    public String backend;

    private BenchBackend store;
    private EventLog log;

    @Setup(Level.Trial)
    public void fill() {
        store = BenchBackend.open(backend, "catchup");
        store.fill(EVENTS, 100);
        log = store.log();
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replay() {
        long[] seen = {0};
        log.replay(StreamFilter.of("flow", "policy", "config", "monitor"), 1, e -> {
            seen[0]++;
            return true;
        });
        return check(seen[0]);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long subscribe() throws Exception {
        AtomicLong seen = new AtomicLong();
        CompletableFuture<Long> all = new CompletableFuture<>();
        Subscription s = log.subscribe(StreamFilter.of("flow", "policy", "config", "monitor"), 1, e -> {
            if (seen.incrementAndGet() == EVENTS) {
                all.complete(EVENTS + 0L);
            }
        });
        try {
            return check(all.get(10, TimeUnit.MINUTES));
        } finally {
            s.close();
        }
    }

    private static long check(long seen) {
        if (seen != EVENTS) {
            throw new IllegalStateException("caught up on " + seen + " events, not " + EVENTS);
        }
        return seen;
    }
}
