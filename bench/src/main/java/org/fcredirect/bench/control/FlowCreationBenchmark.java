package org.fcredirect.bench.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.impl.FlowManager;
import org.fcredirect.flow.impl.FlowStore;
import org.fcredirect.flow.impl.InventoryManager;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.impl.FileEventLog;
import org.fcredirect.storage.impl.LogSettings;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Flow creation, per flow. {@code create}: one {@link FlowManager#create} (validation, decision,
 * encoding, a durable append it waits for, applying, rule compilation) with a fresh manager every
 * iteration; half the flows name an appliance, half take the default action. {@code importBatch}:
 * the same flows 10 000 at a time through a CSV import, per flow. {@code hashMapInsert}: the
 * baseline, the same spec built and put in a {@code HashMap} by its identity.
 *
 * <p>Every method gets the same fixed heap (3 GB), so the growing tables cost them alike in GC.
 *
 * <p>{@code log=memory}: the in-memory event log of the tests, so the figure is the flow manager's
 * own cost. {@code log=file}: the real file log with durability {@code none} (written, not
 * forced), which adds the hand-off to its writer thread; with {@code fsync} a single create is
 * bound by the disk's force latency instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FlowCreationBenchmark {
    private static final int BATCH = 10_000;

    @Param({"memory", "file"})
    public String log;

    private Path dir;
    private EventLog eventLog;
    private FlowManager flows;
    /** Never goes back: a fresh manager per iteration, flows unique across the trial. */
    private long next;
    private Map<Object, FlowSpec> map;

    @Setup(Level.Iteration)
    public void fresh() {
        if (log.equals("file")) {
            try {
                dir = Files.createTempDirectory("fcr-bench-flows-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            eventLog = FileEventLog.open(LogSettings.of(dir.toAbsolutePath(), LogSettings.DEFAULT_SEGMENT_BYTES,
                    DurabilityMode.NONE, LogSettings.DEFAULT_GROUP_COMMIT_EVENTS, 0));
        } else {
            eventLog = new InMemoryEventLog();
        }
        FlowStore store = new FlowStore(eventLog, Configs.flow());
        flows = new FlowManager(store);
        Fabrics.appliances(new InventoryManager(store), 4);
        map = new HashMap<>();
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (eventLog instanceof FileEventLog file) {
            file.close();
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The n-th flow: 1 000 targets per host, every other one through appliance a1. */
    private static FlowSpec spec(long n) {
        return FlowSpec.builder().vsan(Fabrics.VSAN).initiator(Fabrics.host(n / 1000)).target(Fabrics.target(n % 1000))
                .appliance(n % 2 == 0 ? "a1" : null).build();
    }

    @Benchmark
    public FlowId create() {
        return flows.create(spec(next++));
    }

    /**
     * The CSV of the next {@value #BATCH} flows, made before each import, outside the measurement.
     * Its own count never goes back, so no batch repeats a flow whatever order JMH sets states up in.
     */
    @State(Scope.Thread)
    public static class Batch {
        String csv;
        long next;

        @Setup(Level.Invocation)
        public void make() {
            StringBuilder text = new StringBuilder(BATCH * 64).append("vsan,initiator,target,appliance\n");
            for (int i = 0; i < BATCH; i++) {
                long n = next++;
                text.append(Fabrics.VSAN).append(',').append(Fabrics.host(n / 1000)).append(',')
                        .append(Fabrics.target(n % 1000)).append(',').append(n % 2 == 0 ? "a1" : "").append('\n');
            }
            csv = text.toString();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ImportResult importBatch(Batch b) {
        return flows.importFlows(new StringReader(b.csv), FlowFormat.CSV);
    }

    private record Key(int vsan, long initiator, long target, int lun) {
    }

    @Benchmark
    public FlowSpec hashMapInsert() {
        FlowSpec s = spec(next++);
        return map.put(new Key(s.vsan().value(), s.initiator().value(), s.target().value(), s.lun().orElse(-1)), s);
    }
}
