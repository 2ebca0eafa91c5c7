package org.fcredirect.bench.storage;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.impl.FileEventLog;
import org.fcredirect.storage.impl.LogSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay speed, in events per second, of a log of 1 000 000 events of 100-byte payloads spread
 * over four streams (about 150 MB in 64 MiB segments, in the page cache as after a recent write).
 * {@code replayAll} hands every event to the handler, checking each record's CRC on the way;
 * {@code replayOneStream} checks all of them but decodes a quarter; {@code checksumFloor} only
 * runs CRC-32C over the same bytes: the cost no replay can beat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {
    static final int EVENTS = 1_000_000;
    private static final String[] STREAMS = {"flow", "policy", "config", "stats"};

    private Path dir;
    private FileEventLog log;
    private final List<MappedByteBuffer> segments = new ArrayList<>();
    private long usedBytes;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = BenchDirs.create("replay-");
        log = FileEventLog.open(LogSettings.of(dir, LogSettings.DEFAULT_SEGMENT_BYTES, DurabilityMode.NONE, 4096, 0));
        byte[] payload = new byte[100];
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            payload[0] = (byte) i;
            batch.add(NewEvent.of(STREAMS[i & 3], "changed", payload));
            if (batch.size() == 1000) {
                log.appendAll(batch).join();
                batch.clear();
            }
        }
        usedBytes = log.status().byteCount();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".seg")).sorted().toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    segments.add(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        log.close();
        BenchDirs.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayAll(Blackhole bh) {
        return log.replay(StreamFilter.all(), 1, e -> {
            bh.consume(e);
            return true;
        });
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayOneStream(Blackhole bh) {
        return log.replay(StreamFilter.of("policy"), 1, e -> {
            bh.consume(e);
            return true;
        });
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long checksumFloor() {
        CRC32C crc = new CRC32C();
        long left = usedBytes;
        for (MappedByteBuffer m : segments) {
            int n = (int) Math.min(left, m.capacity() - 32);
            crc.update(m.duplicate().position(32).limit(32 + n));
            left -= n;
        }
        return crc.getValue();
    }
}
