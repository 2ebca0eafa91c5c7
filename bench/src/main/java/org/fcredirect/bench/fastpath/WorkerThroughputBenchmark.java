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
 * of boxed keys.
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
                traffic.copy(k, worker.buffer(b), worker.add(b, TrafficPattern.VSAN, traffic.length[k]));
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
}
