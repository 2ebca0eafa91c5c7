package org.fcredirect.bench.fastpath;

import java.util.concurrent.TimeUnit;

import org.fcredirect.fastpath.api.DefaultDecision;
import org.fcredirect.fastpath.api.FastPathSettings;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Frames per second through a one-worker pipeline holding 1 000 000 redirected flows (4 000 000
 * rules), source thread to worker thread and back: two threads, the machine's two cores. One
 * operation is one frame. The benchmark thread is the frame source: it writes each frame's header
 * (and a command's IU) into a batch, as a port would; the worker checks, looks up, rewrites,
 * counts, times exchanges and hands the batch back.
 *
 * <p>A source with nothing to do spins briefly, then yields its core (the worker may share it on
 * this busy machine). {@code fastPath}: the fast path (batches of up to 64 frames over JCTools SPSC rings, the
 * open-addressing flow table). {@code naive}, the baseline in the same run: frames one by one over
 * {@code ArrayBlockingQueue}s to a worker looking them up in a {@code HashMap} of boxed keys.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineThroughputBenchmark {
    static final int FLOWS = 1_000_000;
    static final int PATTERN_FRAMES = 1 << 21;
    static final int FRAMES_PER_CALL = 64;
    static final int RULES_PER_BATCH = 65_536 / 4;

    @State(Scope.Benchmark)
    public static class FastPathRun {
        @Param({"uniform", "exchange", "hot"})
        public String pattern;

        TrafficPattern traffic;
        BenchBridge.RunningFastPath fastPath;
        int cursor;

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            traffic = new TrafficPattern(pattern, FLOWS, PATTERN_FRAMES, 42);
            fastPath = new BenchBridge.RunningFastPath(new FastPathSettings(1, 64, 256, 64, 1000,
                    DefaultDecision.FORWARD, 65_536));
            long generation = 0;
            for (int f = 0; f < FLOWS; f += RULES_PER_BATCH) {
                fastPath.apply(TrafficPattern.rules(f, Math.min(FLOWS, f + RULES_PER_BATCH), ++generation));
            }
            if (!fastPath.awaitRules(600_000)) {
                throw new IllegalStateException("rules not applied");
            }
            fastPath.attach();
        }

        @TearDown(Level.Trial)
        public void stop() {
            var s = fastPath.status();
            if (s.framesDropped() > 0 || s.framesForwarded() == 0) {
                throw new IllegalStateException("the fast path did not forward every frame: " + s);
            }
            fastPath.close();
        }
    }

    @State(Scope.Benchmark)
    public static class NaiveRun {
        @Param({"uniform", "exchange", "hot"})
        public String pattern;

        TrafficPattern traffic;
        NaiveFastPath fastPath;
        NaivePipeline pipeline;
        int cursor;

        @Setup(Level.Trial)
        public void start() {
            traffic = new TrafficPattern(pattern, FLOWS, PATTERN_FRAMES, 42);
            fastPath = new NaiveFastPath();
            for (int f = 0; f < FLOWS; f += RULES_PER_BATCH) {
                fastPath.install(TrafficPattern.rules(f, Math.min(FLOWS, f + RULES_PER_BATCH), 1));
            }
            pipeline = new NaivePipeline(fastPath, 4096);
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            pipeline.close();
            if (fastPath.forwarded() == 0) {
                throw new IllegalStateException("the baseline forwarded nothing");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public void fastPath(FastPathRun s) {
        TrafficPattern p = s.traffic;
        BenchBridge.RunningFastPath fp = s.fastPath;
        for (int n = 0; n < FRAMES_PER_CALL; n++) {
            int k = s.cursor++ & p.mask;
            int at;
            int waits = 0;
            while ((at = fp.reserve(TrafficPattern.VSAN, p.sid[k], p.did[k], p.length[k])) < 0) {
                if (fp.collect() == 0) {
                    Waits.pause(waits++);
                }
            }
            p.copy(k, fp.buffer(), at);
        }
        fp.collect();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public void naive(NaiveRun s) throws InterruptedException {
        TrafficPattern p = s.traffic;
        for (int n = 0; n < FRAMES_PER_CALL; n++) {
            int k = s.cursor++ & p.mask;
            NaivePipeline.Frame f = s.pipeline.next();
            f.length = p.length[k];
            p.copy(k, f.data, 0);
            s.pipeline.send(f);
        }
    }
}
