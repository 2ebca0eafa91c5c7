package org.fcredirect.bench.stats;

import java.util.concurrent.TimeUnit;

import org.fcredirect.stats.impl.StatsBenchBridge;
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

/**
 * Statistics ingestion, records per second: the stats drain path (lock per batch, per-flow rows,
 * second/minute/group rollups, detail series, HdrHistogram) against a naive consumer (boxed
 * counters in a HashMap, a lock per record), same source, same records. One operation is one
 * record; each invocation drains {@link #RECORDS} records in batches of {@code batchSize}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StatsDrainBenchmark {
    static final int RECORDS = 10_000;

    @Param({"1", "100", "1000", "10000"})
    int batchSize;

    @Param({"100000"})
    int flows;

    private CyclicStatsSource source;
    private StatsBenchBridge stats;
    private NaiveStatsConsumer naive;
    private long nowMillis = 1_800_000_000_000L;

    @Setup(Level.Trial)
    public void setUp() {
        source = new CyclicStatsSource(flows, 42);
        stats = new StatsBenchBridge(1_000_000);
        naive = new NaiveStatsConsumer();
        // Warm every flow into both so the run measures steady state, not first sight.
        for (int i = 0; i < 4; i++) {
            stats.drain(source, 1 << 20, nowMillis);
            source.drain(naive, 1 << 20);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long stats() {
        // A millisecond per invocation: buckets roll as they would at ~10 M records/s.
        nowMillis++;
        long drained = 0;
        while (drained < RECORDS) {
            drained += stats.drain(source, Math.min(batchSize, RECORDS - (int) drained), nowMillis);
        }
        return drained;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long naive() {
        nowMillis++;
        naive.nowMillis = nowMillis;
        long drained = 0;
        while (drained < RECORDS) {
            drained += source.drain(naive, Math.min(batchSize, RECORDS - (int) drained));
        }
        return drained;
    }
}
