package org.fcredirect.bench.storage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.impl.FileEventLog;
import org.fcredirect.storage.impl.LogSettings;
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
 * Durable appends per second (durability {@code fsync}: every acknowledged event was forced).
 *
 * <p>One operation is one acknowledged append. Each appender thread keeps {@code inFlight}
 * appends outstanding (waiting for the oldest before issuing the next), which is the batch the
 * group commit can gather per thread. {@code commit=forcePerEvent} caps a write at one event:
 * one write and one {@code force} per event, the baseline; {@code commit=group} lets one write and
 * one force carry up to 1024 events.
 *
 * <p>The machine has 2 cores: the 4-thread variant is about contention on the append queue, not
 * parallel speed-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    @Param({"group", "forcePerEvent"})
    public String commit;

    @Param({"1", "16", "256"})
    public int inFlight;

    @Param("100")
    public int payloadBytes;

    private Path dir;
    private FileEventLog log;

    @Setup(Level.Trial)
    public void open() {
        dir = BenchDirs.create("append-");
        int maxEvents = commit.equals("group") ? LogSettings.DEFAULT_GROUP_COMMIT_EVENTS : 1;
        log = FileEventLog.open(LogSettings.of(dir, LogSettings.DEFAULT_SEGMENT_BYTES, DurabilityMode.FSYNC, maxEvents, 0));
    }

    @TearDown(Level.Trial)
    public void close() {
        log.close();
        BenchDirs.delete(dir);
    }

    /** One appender's window of outstanding appends. */
    @State(Scope.Thread)
    public static class Appender {
        private CompletableFuture<?>[] window;
        private byte[] payload;
        private int next;

        @Setup(Level.Trial)
        public void init(AppendBenchmark b) {
            window = new CompletableFuture<?>[b.inFlight];
            payload = new byte[b.payloadBytes];
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

        Object append(FileEventLog log) {
            CompletableFuture<?> oldest = window[next];
            Object done = oldest == null ? null : oldest.join();
            CompletableFuture<Appended> f = log.append("bench", "tick", payload);
            window[next] = f;
            next = next + 1 == window.length ? 0 : next + 1;
            return done;
        }
    }

    @Benchmark
    @Threads(1)
    public Object threads1(Appender a) {
        return a.append(log);
    }

    @Benchmark
    @Threads(2)
    public Object threads2(Appender a) {
        return a.append(log);
    }

    @Benchmark
    @Threads(4)
    public Object threads4(Appender a) {
        return a.append(log);
    }
}
