package org.fcredirect.fastpath.impl;

import static org.fcredirect.fastpath.impl.LegTable.EXCHANGES;
import static org.fcredirect.fastpath.impl.LegTable.ONE_COMPLETED;
import static org.fcredirect.fastpath.impl.LegTable.ONE_FRAME;
import static org.fcredirect.fastpath.impl.LegTable.STRIDE;
import static org.fcredirect.fastpath.impl.LegTable.TO_INITIATOR;
import static org.fcredirect.fastpath.impl.LegTable.TO_TARGET;
import static org.fcredirect.fastpath.impl.LegTable.VALUE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.StatsSource;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.els.ElsCommand;

/**
 * The per-frame work of one worker: check the frame, look its VSAN + S_ID + D_ID up (and its LUN
 * where rules are narrowed), apply the decision (rewrite the addresses, forward, or drop), time
 * FCP exchanges, count. Primitives only: no allocation, no lock, no call out except the worker's
 * own stats and punt channels. Frames no rule matches, and frames of conflicting rules, count under
 * {@link StatsSource#UNMATCHED_FLOW}. Fabric logins (ELS FLOGI, FDISC, PLOGI, LOGO and every ELS
 * reply) are copied into the punt channel for the control plane and then decided like any other
 * frame: a switch delivers them, so they are forwarded (or rewritten, or dropped) as today.
 */
final class FrameProcessor {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final byte FORWARDED = LaneBatch.FORWARDED;
    private static final byte[] MALFORMED = new byte[FrameView.CHECK_RESULTS];
    private static final byte BAD_COMMAND = LaneBatch.verdictOf(DropReason.MALFORMED_FCP_CMND);
    private static final byte RULE_DROP = LaneBatch.verdictOf(DropReason.RULE_DROP);
    private static final byte DEFAULT_DROP = LaneBatch.verdictOf(DropReason.DEFAULT_DROP);
    private static final byte AMBIGUOUS = LaneBatch.verdictOf(DropReason.AMBIGUOUS_RULE);
    private static final byte INTERNAL_ERROR = LaneBatch.verdictOf(DropReason.INTERNAL_ERROR);
    private static final int USE_MAIN = -1;
    private static final int NO_RULE = -2;
    /** FCP_CMND IU without additional CDB: LUN, CRN, flags, 16-byte CDB, FCP_DL. */
    private static final int CMND_LENGTH = 32;

    static {
        MALFORMED[FrameView.MALFORMED_SHORT] = LaneBatch.verdictOf(DropReason.MALFORMED_SHORT);
        MALFORMED[FrameView.MALFORMED_LONG] = LaneBatch.verdictOf(DropReason.MALFORMED_LONG);
        MALFORMED[FrameView.MALFORMED_OPTIONAL_HEADERS] = LaneBatch.verdictOf(DropReason.MALFORMED_OPTIONAL_HEADERS);
        MALFORMED[FrameView.MALFORMED_FILL_BYTES] = LaneBatch.verdictOf(DropReason.MALFORMED_FILL_BYTES);
    }

    final RuleTable rules;
    final ExchangeTable exchanges;
    final StatsChannel stats;
    final PuntChannel punts;
    private final FrameView view = new FrameView();

    /** Set by the worker before each batch from the live setting. */
    boolean defaultDrop;

    long received;
    long processed;
    long forwarded;
    final long[] drops = new long[DropReason.values().length];
    long exchangesUnmatched;
    long faults;
    /** The previous frame's key and main slot: frames of one exchange often follow each other. */
    private long lastKey;
    private int lastSlot;
    /** Keeps {@link #prefetch}'s loads from being optimized away; never read. */
    @SuppressWarnings("unused")
    private long prefetched;
    volatile Throwable lastFault;

    private long unmatchedFramesToTarget;
    private long unmatchedBytesToTarget;
    private long unmatchedFramesToInitiator;
    private long unmatchedBytesToInitiator;
    private long unmatchedDropped;
    private boolean unmatchedDirty;
    private int mainCursor;
    /** A slot's counters on their way to the stats channel. */
    private final long[] shipped = new long[RetiredDeltas.FIELDS];
    private int narrowedCursor;

    FrameProcessor(RuleTable rules, ExchangeTable exchanges, StatsChannel stats, PuntChannel punts) {
        this.rules = rules;
        this.exchanges = exchanges;
        this.stats = stats;
        this.punts = punts;
    }

    /** Decides every frame of the batch, rewriting in place and writing each frame's verdict. */
    void process(LaneBatch b) {
        int n = b.count;
        try {
            prefetch(b, n);
        } catch (RuntimeException e) {
            fault(e);
        }
        lastKey = -1;
        for (int i = 0; i < n; i++) {
            byte verdict;
            try {
                verdict = frame(b, i);
            } catch (RuntimeException e) {
                verdict = INTERNAL_ERROR;
                fault(e);
            }
            b.verdict[i] = verdict;
            if (verdict == FORWARDED) {
                forwarded++;
            } else {
                drops[verdict - 1]++;
            }
        }
        received += n;
    }

    /**
     * Loads the home slot of every frame's key before deciding any: the loads do not depend on one
     * another, so the CPU overlaps their cache misses instead of taking them one frame at a time
     * (Java has no prefetch instruction; a load whose value is kept does the same). Both ends of the
     * slot, since it may straddle two cache lines. A key repeated by the next frame (frames of one
     * exchange) is loaded once.
     */
    private void prefetch(LaneBatch b, int n) {
        LegTable t = rules.main;
        long[] e = t.e;
        int capacity = t.capacity();
        byte[] data = b.data;
        long touched = 0;
        long previous = -1;
        for (int i = 0; i < n; i++) {
            if (b.length[i] >= FrameView.HEADER_LENGTH) {
                int off = b.offset[i];
                int d = (int) INT_BE.get(data, off) & 0xFFFFFF;
                int s = (int) INT_BE.get(data, off + 4) & 0xFFFFFF;
                long key = Keys.pack(b.vsan[i], s, d);
                if (key != previous) {
                    int at = Keys.slot(key, capacity) * STRIDE;
                    touched ^= e[at] ^ e[at + STRIDE - 1];
                    previous = key;
                }
            }
        }
        prefetched = touched;
    }

    void fault(Throwable t) {
        faults++;
        lastFault = t;
    }

    private byte frame(LaneBatch b, int i) {
        int len = b.length[i];
        FrameView v = view.wrap(b.data, b.offset[i], len);
        int check = v.check();
        if (check != FrameView.OK) {
            return MALFORMED[check];
        }
        int rctl = v.rCtl();
        int type = v.type();
        int vsan = b.vsan[i];
        if (type == FcType.ELS && isLogin(v, rctl)) {
            punts.offer(v, vsan, b.timestamp[i]);
        }
        boolean fcp = type == FcType.FCP;
        boolean command = fcp && rctl == RCtl.FCP_CMND;
        if (command && !wholeCommand(v)) {
            return BAD_COMMAND;
        }
        int s = v.sId();
        int d = v.dId();
        long key = Keys.pack(vsan, s, d);
        LegTable t = rules.main;
        int slot;
        if (key == lastKey) {
            slot = lastSlot;
        } else {
            slot = t.find(key);
            lastKey = key;
            lastSlot = slot;
        }
        if (slot < 0) {
            return unmatched(v, len, false);
        }
        long value = t.e[slot * STRIDE + VALUE];
        if ((value & LegValue.SPECIAL) != 0) {
            if ((value & LegValue.NARROWED) != 0) {
                int n = narrowedSlot(v, key, vsan, s, d, fcp, command, slot, value);
                if (n == NO_RULE) {
                    return unmatched(v, len, false);
                }
                if (n != USE_MAIN) {
                    t = rules.narrowed;
                    slot = n;
                    value = t.e[n * STRIDE + VALUE] | LegValue.NARROWED;
                }
            }
            if ((value & LegValue.CONFLICT) != 0) {
                return unmatched(v, len, true);
            }
        }
        return pass(t, slot, value, v, b.timestamp[i], vsan, s, d, fcp, rctl, len);
    }

    /** The narrowed rule for the frame's LUN (from its command, or its exchange's), or what to use instead. */
    private int narrowedSlot(FrameView v, long key, int vsan, int s, int d, boolean fcp, boolean command, int slot,
            long value) {
        boolean placeholder = (value & LegValue.PLACEHOLDER) != 0;
        long lun = 0;
        boolean known = false;
        if (command) {
            lun = (long) LONG_BE.get(v.buffer(), v.payloadOffset());
            known = true;
        } else if (fcp) {
            boolean fromResponder = v.fromResponder();
            int x = exchanges.find(Keys.pack(vsan, fromResponder ? d : s, fromResponder ? s : d), v.oxId());
            if (x >= 0) {
                lun = exchanges.lun(x);
                known = true;
            }
        }
        if (known) {
            int n = rules.narrowed.find(key, lun);
            return n >= 0 ? n : placeholder ? NO_RULE : USE_MAIN;
        }
        if (!placeholder) {
            return USE_MAIN;
        }
        if ((value & LegValue.FALLBACK) != 0) {
            int n = rules.narrowed.find(key, rules.main.flowId(slot));
            return n >= 0 ? n : NO_RULE;
        }
        return NO_RULE;
    }

    private byte pass(LegTable t, int slot, long value, FrameView v, long time, int vsan, int s, int d, boolean fcp,
            int rctl, int len) {
        boolean toInitiator = v.fromResponder();
        int action = LegValue.action(value);
        if (action == LegValue.REWRITE) {
            int newSid = LegValue.newSid(value);
            int newDid = LegValue.newDid(value);
            if (newSid != s) {
                v.sId(newSid);
            }
            if (newDid != d) {
                v.dId(newDid);
            }
        }
        if (fcp && (rctl == RCtl.FCP_CMND || rctl == RCtl.FCP_RSP) && action != LegValue.DROP) {
            exchange(t, slot, value, v, time, vsan, s, d, rctl, toInitiator);
        }
        long[] e = t.e;
        int b = slot * STRIDE + (toInitiator ? TO_INITIATOR : TO_TARGET);
        long before = e[b];
        long after = before + ONE_FRAME + len;
        e[b] = after;
        if (before == 0 || LegTable.full(after)) {
            counted(t, slot, after);
        }
        processed++;
        return action == LegValue.DROP ? RULE_DROP : FORWARDED;
    }

    /** A slot's first frame since it was shipped marks it dirty; a counter about to overflow settles it. */
    private void counted(LegTable t, int slot, long traffic) {
        if (LegTable.full(traffic)) {
            rules.settle(t, slot);
        } else {
            t.markDirty(slot);
        }
    }

    /**
     * Opens an exchange at the initiator's FCP_CMND and completes it at the target's FCP_RSP; both
     * pass this worker because their address pairs are the same. Legs leaving an appliance carry
     * copies of the same exchanges and are not counted; they only remember a narrowed exchange's LUN.
     */
    private void exchange(LegTable t, int slot, long value, FrameView v, long time, int vsan, int s, int d, int rctl,
            boolean toInitiator) {
        if (rctl == RCtl.FCP_CMND && !toInitiator) {
            byte[] buf = v.buffer();
            int p = v.payloadOffset();
            long lun = (long) LONG_BE.get(buf, p);
            if ((value & LegValue.EGRESS) != 0) {
                if ((value & LegValue.NARROWED) != 0) {
                    exchanges.open(Keys.pack(vsan, s, d), v.oxId(), time, t.flowId(slot), lun, 0, false, true);
                }
                return;
            }
            int flags = buf[p + 11] & 0xFF;
            long dataLength = (int) INT_BE.get(buf, p + CMND_LENGTH - 4 + 4 * (flags >>> 2)) & 0xFFFF_FFFFL;
            exchanges.open(Keys.pack(vsan, s, d), v.oxId(), time, t.flowId(slot), lun, dataLength, (flags & 1) != 0,
                    false);
            t.e[slot * STRIDE + EXCHANGES]++;
        } else if (rctl == RCtl.FCP_RSP && toInitiator && (value & LegValue.EGRESS) == 0) {
            int x = exchanges.find(Keys.pack(vsan, d, s), v.oxId());
            if (x < 0 || !exchanges.timed(x)) {
                exchangesUnmatched++;
                return;
            }
            t.e[slot * STRIDE + EXCHANGES] += ONE_COMPLETED;
            int status = v.payloadLength() - v.fillBytes() >= 12 ? v.buffer()[v.payloadOffset() + 11] & 0xFF : -1;
            long started = exchanges.started(x);
            stats.addExchange(exchanges.flow(x), vsan, d, s, v.oxId(), exchanges.write(x), exchanges.dataLength(x),
                    status, started, time - started);
            exchanges.complete(x);
        }
    }

    /** A login request, or a reply that may answer one (only its exchange tells). */
    private static boolean isLogin(FrameView v, int rctl) {
        if (rctl == RCtl.ELS_REPLY) {
            return true;
        }
        return rctl == RCtl.ELS_REQUEST && v.payloadLength() > 0
                && ElsCommand.isLoginRequest(v.buffer()[v.payloadOffset()] & 0xFF);
    }

    private static boolean wholeCommand(FrameView v) {
        int n = v.payloadLength() - v.fillBytes();
        if (n < CMND_LENGTH) {
            return false;
        }
        int flags = v.buffer()[v.payloadOffset() + 11] & 0xFF;
        return n >= CMND_LENGTH + 4 * (flags >>> 2) + ((flags & 3) == 3 ? 4 : 0);
    }

    private byte unmatched(FrameView v, int len, boolean ambiguous) {
        if (v.fromResponder()) {
            unmatchedFramesToInitiator++;
            unmatchedBytesToInitiator += len;
        } else {
            unmatchedFramesToTarget++;
            unmatchedBytesToTarget += len;
        }
        boolean drop = ambiguous || defaultDrop;
        if (drop) {
            unmatchedDropped++;
        }
        unmatchedDirty = true;
        processed++;
        return ambiguous ? AMBIGUOUS : drop ? DEFAULT_DROP : FORWARDED;
    }

    /** Moves every counter not yet shipped into the retired deltas (before a rebuild). */
    void settleAll() {
        rules.settleAll();
        if (unmatchedDirty) {
            long[] c = new long[RetiredDeltas.FIELDS];
            c[RetiredDeltas.FRAMES_TO_TARGET] = unmatchedFramesToTarget;
            c[RetiredDeltas.BYTES_TO_TARGET] = unmatchedBytesToTarget;
            c[RetiredDeltas.FRAMES_TO_INITIATOR] = unmatchedFramesToInitiator;
            c[RetiredDeltas.BYTES_TO_INITIATOR] = unmatchedBytesToInitiator;
            c[RetiredDeltas.DROPPED] = unmatchedDropped;
            rules.retired.add(StatsSource.UNMATCHED_FLOW, c);
            unmatchedFramesToTarget = 0;
            unmatchedBytesToTarget = 0;
            unmatchedFramesToInitiator = 0;
            unmatchedBytesToInitiator = 0;
            unmatchedDropped = 0;
            unmatchedDirty = false;
        }
    }

    /** Flow deltas waiting to be shipped. */
    int pendingDeltas() {
        return rules.main.dirtyCount() + rules.narrowed.dirtyCount() + (unmatchedDirty ? 1 : 0) + rules.retired.size();
    }

    /**
     * Ships up to {@code budget} rule deltas (plus the unmatched and retired ones) into the stats
     * channel; false when the channel ran out of room and the rest stays for later.
     */
    boolean ship(int budget) {
        if (unmatchedDirty) {
            if (!stats.addDelta(StatsSource.UNMATCHED_FLOW, unmatchedFramesToTarget, unmatchedBytesToTarget,
                    unmatchedFramesToInitiator, unmatchedBytesToInitiator, unmatchedDropped, 0, 0)) {
                return false;
            }
            unmatchedFramesToTarget = 0;
            unmatchedBytesToTarget = 0;
            unmatchedFramesToInitiator = 0;
            unmatchedBytesToInitiator = 0;
            unmatchedDropped = 0;
            unmatchedDirty = false;
        }
        if (!rules.retired.isEmpty() && !rules.retired.shipTo(stats)) {
            return false;
        }
        int left = shipTable(rules.main, budget, true);
        return left >= 0 && shipTable(rules.narrowed, left, false) >= 0;
    }

    /** @return budget left, or -1 when the channel is full */
    private int shipTable(LegTable t, int budget, boolean main) {
        int s = t.nextDirty(main ? mainCursor : narrowedCursor);
        if (s < 0) {
            s = t.nextDirty(0);
        }
        int left = budget;
        while (s >= 0 && left > 0) {
            if (!shipSlot(t, s)) {
                left = -1;
                break;
            }
            left--;
            s = t.nextDirty(s + 1);
            if (s < 0 && t.dirtyCount() > 0) {
                s = t.nextDirty(0);
            }
        }
        int cursor = Math.max(s, 0);
        if (main) {
            mainCursor = cursor;
        } else {
            narrowedCursor = cursor;
        }
        return left;
    }

    private boolean shipSlot(LegTable t, int slot) {
        long[] c = shipped;
        t.counters(slot, c);
        if (!stats.addDelta(t.flowId(slot), c[RetiredDeltas.FRAMES_TO_TARGET], c[RetiredDeltas.BYTES_TO_TARGET],
                c[RetiredDeltas.FRAMES_TO_INITIATOR], c[RetiredDeltas.BYTES_TO_INITIATOR], c[RetiredDeltas.DROPPED],
                c[RetiredDeltas.OPENED], c[RetiredDeltas.COMPLETED])) {
            return false;
        }
        t.resetCounters(slot);
        return true;
    }
}
