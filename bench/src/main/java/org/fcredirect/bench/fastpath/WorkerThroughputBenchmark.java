package org.fcredirect.bench.fastpath;

import java.util.concurrent.TimeUnit;

import org.fcredirect.fastpath.impl.BenchBridge;
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
 * One worker's own work per frame, on one thread, without the rings: what a worker can decide
 * when its input never runs dry. 1 000 000 redirected flows (4 000 000 rules). Each call decides
 * {@value #FRAMES_PER_CALL} frames, written into the batches beforehand (not timed, the source's
 * share). One operation is one frame. {@code naive} does the same decisions with {@code HashMap}s
 * of boxed keys. The floors, over the same frames in the same batches and a table of the worker's
 * layout ({@link FloorTable}): {@code floorLookup} reads each frame's addresses and looks them up;
 * {@code floorLeastWork} also rewrites both addresses and adds the frame and its bytes to the
 * slot's traffic counter, the least work a redirected frame needs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkerThroughputBenchmark {
    static final int BATCHES = 32;
    static final int FRAMES_PER_BATCH = 31;
    static final int FRAMES_PER_CALL = BATCHES * FRAMES_PER_BATCH;

    @Param({"uniform", "exchange", "hot"})
    public String pattern;

    private TrafficPattern traffic;
    private BenchBridge.SingleWorker worker;
    private NaiveFastPath naive;
    private FloorTable floor;
    private final int[] offsets = new int[FRAMES_PER_CALL];
    private final int[] lengths = new int[FRAMES_PER_CALL];
    private final NaivePipeline.Frame[] frames = new NaivePipeline.Frame[FRAMES_PER_CALL];
    private int cursor;

    @Setup(Level.Trial)
    public void start() {
        traffic = new TrafficPattern(pattern, PipelineThroughputBenchmark.FLOWS, PipelineThroughputBenchmark.PATTERN_FRAMES, 42);
        worker = new BenchBridge.SingleWorker(4 * PipelineThroughputBenchmark.FLOWS, 65_536, BATCHES);
        naive = new NaiveFastPath();
        for (int f = 0; f < PipelineThroughputBenchmark.FLOWS; f += PipelineThroughputBenchmark.RULES_PER_BATCH) {
            var rules = TrafficPattern.rules(f, Math.min(PipelineThroughputBenchmark.FLOWS,
                    f + PipelineThroughputBenchmark.RULES_PER_BATCH), 1);
            worker.apply(rules);
            naive.install(rules);
        }
        floor = floorTable(PipelineThroughputBenchmark.FLOWS);
        for (int k = 0; k < traffic.size; k++) {
            if (floor.find(FloorTable.key(TrafficPattern.VSAN, traffic.sid[k], traffic.did[k])) < 0) {
                throw new IllegalStateException("frame " + k + " has no rule in the floor's table");
            }
        }
        for (int i = 0; i < FRAMES_PER_CALL; i++) {
            frames[i] = new NaivePipeline.Frame();
        }
    }

    @Setup(Level.Invocation)
    public void receive() {
        for (int b = 0; b < BATCHES; b++) {
            worker.clear(b);
            for (int n = 0; n < FRAMES_PER_BATCH; n++) {
                int k = cursor++ & traffic.mask;
                int at = worker.add(b, TrafficPattern.VSAN, traffic.length[k]);
                traffic.copy(k, worker.buffer(b), at);
                offsets[b * FRAMES_PER_BATCH + n] = at;
                lengths[b * FRAMES_PER_BATCH + n] = traffic.length[k];
                NaivePipeline.Frame f = frames[b * FRAMES_PER_BATCH + n];
                f.length = traffic.length[k];
                traffic.copy(k, f.data, 0);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public long fastPath() {
        for (int b = 0; b < BATCHES; b++) {
            worker.process(b);
        }
        return worker.forwarded();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public long naive() {
        for (NaivePipeline.Frame f : frames) {
            naive.process(f.data, 0, f.length, TrafficPattern.VSAN);
        }
        return naive.forwarded();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public long floorLookup() {
        FloorTable t = floor;
        long sum = 0;
        for (int b = 0; b < BATCHES; b++) {
            byte[] data = worker.buffer(b);
            for (int n = 0; n < FRAMES_PER_BATCH; n++) {
                int at = offsets[b * FRAMES_PER_BATCH + n];
                int slot = t.find(FloorTable.key(TrafficPattern.VSAN, address(data, at + 5), address(data, at + 1)));
                sum += slot < 0 ? 0 : t.e[slot + FloorTable.VALUE];
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public long floorLeastWork() {
        FloorTable t = floor;
        long[] e = t.e;
        long missed = 0;
        for (int b = 0; b < BATCHES; b++) {
            byte[] data = worker.buffer(b);
            for (int n = 0; n < FRAMES_PER_BATCH; n++) {
                int frame = b * FRAMES_PER_BATCH + n;
                int at = offsets[frame];
                int slot = t.find(FloorTable.key(TrafficPattern.VSAN, address(data, at + 5), address(data, at + 1)));
                if (slot < 0) {
                    missed++;
                    continue;
                }
                long rewrite = e[slot + FloorTable.VALUE];
                address(data, at + 5, (int) (rewrite >>> 24));
                address(data, at + 1, (int) rewrite & 0xFFFFFF);
                e[slot + FloorTable.TRAFFIC] += FloorTable.ONE_FRAME + lengths[frame];
            }
        }
        return missed;
    }

    private static int address(byte[] d, int at) {
        return (d[at] & 0xFF) << 16 | (d[at + 1] & 0xFF) << 8 | d[at + 2] & 0xFF;
    }

    private static void address(byte[] d, int at, int fcid) {
        d[at] = (byte) (fcid >>> 16);
        d[at + 1] = (byte) (fcid >>> 8);
        d[at + 2] = (byte) fcid;
    }

    /** The four rules of every flow, as {@link TrafficPattern#rules} gives them to the worker. */
    static FloorTable floorTable(int flows) {
        FloorTable t = new FloorTable(4 * flows);
        int v = TrafficPattern.VSAN;
        for (int f = 0; f < flows; f++) {
            int i = TrafficPattern.initiator(f);
            int tg = TrafficPattern.target(f);
            int vt = TrafficPattern.virtualTarget(f);
            int vi = TrafficPattern.virtualInitiator(f);
            t.put(FloorTable.key(v, i, tg), FloorTable.rewrite(i, vt));
            t.put(FloorTable.key(v, vi, tg), FloorTable.rewrite(i, tg));
            t.put(FloorTable.key(v, tg, i), FloorTable.rewrite(tg, vi));
            t.put(FloorTable.key(v, vt, i), FloorTable.rewrite(tg, i));
        }
        return t;
    }
}
