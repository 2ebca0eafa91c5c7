package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.FastPathSettings;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fastpath.api.RuleBatch;

/**
 * Lets the benchmarks of {@code org.fcredirect.bench.fastpath} start a fast path without a container
 * and drive one worker's package-private frame processor, which the bundle deliberately does not
 * expose: this class sits in the impl's package but lives in the bench module only (one class
 * loader on the benchmark's class path). Frames go in through the API's {@link FramePort}, as a
 * traffic source's do.
 */
public final class BenchBridge {
    private BenchBridge() {
    }

    /** A running fast path with one frame source attached, as the generator or a replay would be. */
    public static final class RunningFastPath implements AutoCloseable {
        private final FastPathManager manager;
        private FramePort port;
        private java.util.function.Consumer<FrameBatch> release;
        private FrameBatch last;

        public RunningFastPath(FastPathSettings settings) {
            manager = new FastPathManager(settings);
        }

        public void apply(RuleBatch batch) {
            manager.apply(batch);
        }

        public boolean awaitRules(long timeoutMillis) throws InterruptedException {
            return manager.awaitRules(timeoutMillis);
        }

        public void attach() {
            port = manager.open("benchmark");
            release = port::release;
        }

        /** Room for a frame in its worker's batch, at the returned offset of {@link #buffer()}; -1 while that lane is full. */
        public int reserve(int vsan, int sid, int did, int length) {
            FrameBatch b = port.claim(port.worker(vsan, sid, did), length);
            if (b == null) {
                return -1;
            }
            last = b;
            return b.add(vsan, 0, 0, length);
        }

        public byte[] buffer() {
            return last.data();
        }

        /** Takes back the processed batches; how many. */
        public int collect() {
            return port.poll(release);
        }

        public FastPathStatus status() {
            return manager.status();
        }

        @Override
        public void close() {
            if (port != null) {
                port.close();
            }
            manager.deactivate();
        }
    }

    /** One worker's frame processor and a few batches, driven on the caller's thread. */
    public static final class SingleWorker {
        private final RuleTable rules;
        private final FrameProcessor processor;
        private final LaneBatch[] batches;
        private long sequence;

        public SingleWorker(int expectedRules, int exchangeTableSize, int batchCount) {
            rules = new RuleTable(expectedRules);
            processor = new FrameProcessor(rules, new ExchangeTable(exchangeTableSize), new StatsChannel(0, 2),
                    new PuntChannel(0, 2));
            batches = new LaneBatch[batchCount];
            for (int i = 0; i < batchCount; i++) {
                batches[i] = new LaneBatch(null);
            }
        }

        public void apply(RuleBatch batch) {
            rules.apply(RuleFanout.split(batch, ++sequence, 1)[0]);
        }

        public int batches() {
            return batches.length;
        }

        public void clear(int batch) {
            batches[batch].clear();
        }

        public boolean fits(int batch, int length) {
            return batches[batch].fits(length);
        }

        /** Room for a frame in a batch, at the returned offset of {@link #buffer(int)}. */
        public int add(int batch, int vsan, int length) {
            return batches[batch].add(vsan, 0, 0, length);
        }

        public byte[] buffer(int batch) {
            return batches[batch].data;
        }

        public int frames(int batch) {
            return batches[batch].count;
        }

        public void process(int batch) {
            processor.process(batches[batch]);
        }

        public long forwarded() {
            return processor.forwarded;
        }

        public long processed() {
            return processor.processed;
        }
    }
}
