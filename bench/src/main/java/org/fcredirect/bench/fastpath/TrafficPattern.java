package org.fcredirect.bench.fastpath;

import java.util.SplittableRandom;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;

/**
 * A sequence of frames over {@code flows} redirected flows, for the patterns of BENCHMARKS.md:
 * {@code uniform} (every frame a random flow), {@code exchange} (bursts of one 64 KiB read: a
 * command, 32 data frames, a response, flows uniform) and {@code hot} (90 % of frames to the
 * busiest 1 000 flows). Frames are kept as their 24-byte headers (payloads are not looked at, but
 * for the command's, which is a fixed READ(10) IU). Flow f runs between initiator
 * {@code 0x100000 + f / 256} and target {@code 0x200000 + f % 256} through its own VT/VI pair, so
 * its four rules are unique keys.
 */
public final class TrafficPattern {
    public static final int VSAN = 10;
    public static final int DATA_LENGTH = FrameView.HEADER_LENGTH + 2048;
    public static final int COMMAND_LENGTH = FrameView.HEADER_LENGTH + 32;
    public static final int RESPONSE_LENGTH = FrameView.HEADER_LENGTH + 24;
    public static final int HOT_FLOWS = 1000;
    private static final int DATA_PER_EXCHANGE = 32;
    private static final byte[] COMMAND_IU = commandIu();

    public final int size;
    public final int mask;
    public final int[] sid;
    public final int[] did;
    public final int[] length;
    private final byte[] headers;
    private final boolean[] command;

    /** @param size frames in the sequence, a power of two; it repeats */
    public TrafficPattern(String pattern, int flows, int size, long seed) {
        this.size = size;
        this.mask = size - 1;
        sid = new int[size];
        did = new int[size];
        length = new int[size];
        headers = new byte[size * FrameView.HEADER_LENGTH];
        command = new boolean[size];
        SplittableRandom random = new SplittableRandom(seed);
        FrameView v = new FrameView();
        int k = 0;
        int ox = 0;
        while (k < size) {
            switch (pattern) {
                case "uniform" -> k = data(v, k, random.nextInt(flows), random.nextBoolean(), ox++);
                case "hot" -> {
                    int f = random.nextInt(10) < 9 ? (int) ((random.nextInt(HOT_FLOWS) * 1_000_003L) % flows)
                            : random.nextInt(flows);
                    k = data(v, k, f, random.nextBoolean(), ox++);
                }
                case "exchange" -> {
                    int f = random.nextInt(flows);
                    int x = ox++ & 0xFFFF;
                    k = frame(v, k, RCtl.FCP_CMND, initiator(f), target(f), FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE
                            | FCtl.SEQUENCE_INITIATIVE, x, COMMAND_LENGTH);
                    for (int d = 0; d < DATA_PER_EXCHANGE && k < size; d++) {
                        k = frame(v, k, RCtl.FCP_DATA, target(f), initiator(f), FCtl.EXCHANGE_CONTEXT
                                | FCtl.RELATIVE_OFFSET, x, DATA_LENGTH);
                    }
                    if (k < size) {
                        k = frame(v, k, RCtl.FCP_RSP, target(f), initiator(f), FCtl.EXCHANGE_CONTEXT
                                | FCtl.LAST_SEQUENCE | FCtl.END_SEQUENCE, x, RESPONSE_LENGTH);
                    }
                }
                default -> throw new IllegalArgumentException("pattern " + pattern + ": uniform, exchange or hot");
            }
        }
    }

    private int data(FrameView v, int k, int f, boolean toInitiator, int ox) {
        return toInitiator
                ? frame(v, k, RCtl.FCP_DATA, target(f), initiator(f), FCtl.EXCHANGE_CONTEXT | FCtl.RELATIVE_OFFSET,
                        ox & 0xFFFF, DATA_LENGTH)
                : frame(v, k, RCtl.FCP_DATA, initiator(f), target(f), FCtl.RELATIVE_OFFSET, ox & 0xFFFF, DATA_LENGTH);
    }

    private int frame(FrameView v, int k, int rctl, int s, int d, int fctl, int ox, int len) {
        v.wrap(headers, k * FrameView.HEADER_LENGTH, FrameView.HEADER_LENGTH);
        v.rCtl(rctl);
        v.dId(d);
        v.sId(s);
        v.type(FcType.FCP);
        v.fCtl(fctl);
        v.oxId(ox);
        v.rxId(0xFFFF);
        sid[k] = s;
        did[k] = d;
        length[k] = len;
        command[k] = rctl == RCtl.FCP_CMND;
        return k + 1;
    }

    /** Writes frame {@code k} (header, and the IU of a command) at {@code at}. */
    public void copy(int k, byte[] into, int at) {
        System.arraycopy(headers, k * FrameView.HEADER_LENGTH, into, at, FrameView.HEADER_LENGTH);
        if (command[k]) {
            System.arraycopy(COMMAND_IU, 0, into, at + FrameView.HEADER_LENGTH, COMMAND_IU.length);
        }
    }

    private static byte[] commandIu() {
        byte[] iu = new byte[32];
        iu[11] = 0x02;
        iu[12] = 0x28;
        iu[30] = 1;
        return iu;
    }

    public static int initiator(int flow) {
        return 0x100000 + (flow >>> 8);
    }

    public static int target(int flow) {
        return 0x200000 + (flow & 0xFF);
    }

    public static int virtualTarget(int flow) {
        return 0x400000 + flow;
    }

    public static int virtualInitiator(int flow) {
        return 0x600000 + flow;
    }

    /** The four redirect rules of flows {@code from..to-1} (flow ids from 1). */
    public static RuleBatch rules(int from, int to, long generation) {
        RuleBatch.Builder b = from == 0 ? RuleBatch.builder().reset() : RuleBatch.builder();
        long any = RewriteRule.ANY_LUN;
        for (int f = from; f < to; f++) {
            int i = initiator(f);
            int t = target(f);
            int vt = virtualTarget(f);
            int vi = virtualInitiator(f);
            long id = f + 1L;
            b.add(RewriteRule.rewrite(id, VSAN, i, t, any, i, vt)).add(RewriteRule.rewrite(id, VSAN, vi, t, any, i, t))
                    .add(RewriteRule.rewrite(id, VSAN, t, i, any, t, vi))
                    .add(RewriteRule.rewrite(id, VSAN, vt, i, any, t, i));
        }
        return b.build(generation);
    }
}
