package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.RuleBatch;

/** One worker's frame processor driven directly on the test thread: no threads, no timing. */
final class Shard {
    final RuleTable rules = new RuleTable(16);
    final ExchangeTable exchanges = new ExchangeTable(1024);
    final StatsChannel stats;
    final PuntChannel punts;
    final FrameProcessor processor;
    private final StatsDrainer drainer;
    final PuntDrainer puntDrainer;
    private long sequence;
    long clock = 1_000;

    Shard() {
        this(64);
    }

    Shard(int statsBatches) {
        this(statsBatches, PuntChannel.SLOTS);
    }

    Shard(int statsBatches, int puntSlots) {
        stats = new StatsChannel(0, statsBatches);
        punts = new PuntChannel(0, puntSlots);
        processor = new FrameProcessor(rules, exchanges, stats, punts);
        puntDrainer = new PuntDrainer(() -> new PuntChannel[] {punts});
        drainer = new StatsDrainer(() -> new StatsChannel[] {stats});
    }

    void apply(RuleBatch batch) {
        rules.apply(RuleFanout.split(batch, ++sequence, 1)[0]);
    }

    /** A frame's fate: forwarded (with its bytes after rewriting) or dropped for a reason. */
    record Result(byte[] frame, DropReason dropped) {
        boolean forwarded() {
            return dropped == null;
        }

        int sid() {
            return TestFrames.sid(frame);
        }

        int did() {
            return TestFrames.did(frame);
        }
    }

    Result send(int vsan, byte[] frame) {
        LaneBatch b = new LaneBatch(null);
        int at = b.add(vsan, clock, 0, frame.length);
        System.arraycopy(frame, 0, b.data, at, frame.length);
        processor.process(b);
        byte[] out = new byte[frame.length];
        System.arraycopy(b.data, at, out, 0, frame.length);
        return new Result(out, b.verdict[0] == LaneBatch.FORWARDED ? null : FrameBatch.reasonOf(b.verdict[0]));
    }

    /** Ships every pending delta and drains it all. */
    Recorder drain() {
        processor.ship(Integer.MAX_VALUE);
        stats.flush();
        Recorder r = new Recorder();
        while (drainer.drain(r, 1000) > 0) {
            processor.ship(Integer.MAX_VALUE);
            stats.flush();
        }
        return r;
    }
}
