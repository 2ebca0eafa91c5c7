package org.fcredirect.traffic.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fc.FrameView;
import org.fcredirect.traffic.api.TrafficSpec;
import org.fcredirect.traffic.api.TrafficState;
import org.fcredirect.traffic.api.TrafficStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic generator: a frame source that plays every port of its topology. Hosts issue SCSI
 * reads and writes ({@code queueDepth} open per flow), targets answer them, and appliances pass
 * redirected frames on the way a transparent appliance would: what reaches a VT is sent on from
 * the VI, what reaches the VI is sent on from the VT, same exchange, same OX_ID. Every frame
 * coming back from the fast path is checked against what the redirect rules promise (a target must
 * see the initiator's own FCID, an initiator the target's, an appliance only frames meant for it);
 * a miss is an address mismatch. One thread does it all, so its state needs no locks; pending
 * sends wait in a work queue while the lanes are full.
 *
 * <p>It follows where the flow manager moves its flows while it runs ({@link FlowRoutes}): a flow
 * failed over to a standby is played through the standby's virtual ports, a bypassed one on the
 * direct path, a blocked one is still sent and its frames are expected to be dropped. A move ends
 * the flow's open exchanges as failed (a host would abort them: their frames may be anywhere on
 * the old route) and starts new ones on the new route. Around a move the fast path and the
 * generator briefly disagree on the route (the flow manager changes the rules first, then tells
 * the generator, and the workers apply rules between batches), so a frame that misses its route
 * is only an address mismatch if its flow did not move within {@link #MOVE_GRACE_NANOS} of it
 * (before or after); otherwise it ends its exchange as failed.
 */
final class TrafficGenerator implements Runnable {
    static final String SOURCE = "traffic generator";

    /** Hears which simulated appliances exist, so that something off the generator's thread heartbeats them. */
    interface Appliances {
        Appliances NONE = new Appliances() {
            @Override
            public void declared(List<String> names) {
            }

            @Override
            public void removed(List<String> names) {
            }
        };

        /** The set-up declared them (or found them from an earlier run). */
        void declared(List<String> names);

        /** The clean-up removed them. */
        void removed(List<String> names);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);
    private static final long RULES_TIMEOUT_MILLIS = 30_000;
    private static final long DRAIN_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** How far apart a frame and a move of its flow may be for the frame to be blamed on the move. */
    static final long MOVE_GRACE_NANOS = 2 * SECOND;

    // what a work item sends: I host, T target, A appliance (from its VI toward T, from its VT toward I)
    private static final int I_CMND = 0;
    private static final int A_CMND = 1;
    private static final int T_XFER_RDY = 2;
    private static final int A_XFER_RDY = 3;
    private static final int I_DATA = 4;
    private static final int A_DATA_OUT = 5;
    private static final int T_DATA = 6;
    private static final int A_DATA_IN = 7;
    private static final int T_RSP = 8;
    private static final int A_RSP = 9;

    private static final VarHandle LONG = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int SENT = 0;
    private static final int RETURNED = 1;
    private static final int STARTED = 2;
    private static final int COMPLETED = 3;
    private static final int OUTSTANDING = 4;
    private static final int MISMATCHES = 5;
    private static final int DROPPED = 6;
    private static final int FAILED = 7;
    private static final int INCOMPLETE = 8;
    private static final int FRAMES_PER_SECOND = 9;
    private static final int EXCHANGES_PER_SECOND = 10;
    private static final int MOVES = 11;

    private final TrafficSpec spec;
    private final TrafficTopology topology;
    private final FlowRoutes routes;
    private final FabricDirectory directory;
    private final FrameSources host;
    private final Appliances appliances;
    private final int depth;
    private final int[] generation;
    private final boolean[] active;
    private final boolean[] write;
    private final int[] dataLength;
    private final int[] dataFrames;
    private final int[] dataSeen;
    private final long[] framesPerFlow;
    /** Per flow: until when a frame that misses its route is blamed on the flow's last move. */
    private final long[] graceUntil;
    /** Per flow: frames that missed their route and wait to be blamed on a move or counted as mismatches. */
    private final int[] suspects;
    private final long[] suspectSince;
    private final int[] ioSizes;
    private final WorkQueue work;
    private final SplittableRandom random;
    private final FcpFrames fcp = new FcpFrames();
    private final FrameView view = new FrameView();
    private final Consumer<FrameBatch> onReturn = this::returned;
    private final long[] published = new long[12];

    private volatile TrafficState state = TrafficState.SETTING_UP;
    private volatile boolean stopRequested;
    private volatile boolean keepFlows;
    private volatile String failure;
    private volatile Instant startedAt;
    private volatile long startedNanos;
    private volatile long endedNanos;
    private long[] flowIds = new long[0];
    private FramePort dispatcher;

    private long now;
    private long runStart;
    private long credit;
    private long lastRefill;
    private long sent;
    private long returned;
    private long started;
    private long completed;
    private long outstanding;
    private long mismatches;
    private long dropped;
    private long failed;
    private long incomplete;
    /** Sum of {@link #suspects}: the once-a-second confirmation scans the flows only when some wait. */
    private long suspected;
    private long moves;
    private long directoryFrames;

    TrafficGenerator(TrafficSpec spec, FabricDirectory directory, FrameSources host) {
        this(spec, directory, host, Appliances.NONE);
    }

    TrafficGenerator(TrafficSpec spec, FabricDirectory directory, FrameSources host, Appliances appliances) {
        this.spec = spec;
        this.topology = new TrafficTopology(spec);
        this.routes = new FlowRoutes(topology);
        this.directory = directory;
        this.host = host;
        this.appliances = appliances;
        this.depth = spec.queueDepth();
        int slots = topology.flows * depth;
        generation = new int[slots];
        active = new boolean[slots];
        write = new boolean[slots];
        dataLength = new int[slots];
        dataFrames = new int[slots];
        dataSeen = new int[slots];
        framesPerFlow = new long[topology.flows];
        graceUntil = new long[topology.flows];
        suspects = new int[topology.flows];
        suspectSince = new long[topology.flows];
        ioSizes = spec.ioSizes().stream().mapToInt(Integer::intValue).toArray();
        work = new WorkQueue(slots * 2);
        random = new SplittableRandom(spec.seed());
    }

    void requestStop() {
        stopRequested = true;
    }

    /**
     * Stops without the clean-up: when the fast path itself stops (an upgrade, Karaf's shutdown)
     * the services the clean-up needs may be stopping too, and the flows are state that a restart
     * finds again in the event log.
     */
    void requestStopKeepingFlows() {
        keepFlows = true;
        stopRequested = true;
    }

    TrafficState state() {
        return state;
    }

    @Override
    public void run() {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        try {
            flowIds = directory.setUp(topology, routes);
            countDirectoryFrames();
            appliances.declared(directory.appliances(topology));
            if (!host.awaitRules(RULES_TIMEOUT_MILLIS)) {
                throw new IllegalStateException("the flows' rules did not reach every fast path worker within "
                        + RULES_TIMEOUT_MILLIS / 1000 + " s");
            }
            if (!stopRequested) {
                dispatcher = host.open(SOURCE);
                state = TrafficState.RUNNING;
                LOG.info("Traffic generator running {} flows ({} redirected) through the {}: {}", topology.flows,
                        routes.redirected(), directory.name(), spec);
                drive();
                dispatcher.close();
                dispatcher = null;
            }
            directory.unfollow();
            if (spec.cleanup() && !keepFlows) {
                state = TrafficState.CLEANING_UP;
                directory.tearDown(topology, flowIds);
                countDirectoryFrames();
                appliances.removed(directory.appliances(topology));
            }
            state = stopRequested ? TrafficState.STOPPED : TrafficState.FINISHED;
            LOG.info("Traffic generator {}: {} exchanges completed of {} started, {} frames sent, {} address mismatches,"
                    + " {} frames dropped, {} exchanges failed, {} incomplete, {} flow moves followed", state, completed,
                    started, sent, mismatches, dropped, failed, incomplete, moves);
        } catch (Throwable t) {
            // contained: the run ends, the fast path and its workers go on
            failure = t.getMessage() != null ? t.getMessage() : t.toString();
            state = TrafficState.FAILED;
            LOG.error("Traffic generator failed: {}", failure, t);
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            directory.unfollow();
            if (dispatcher != null) {
                dispatcher.close();
            }
            endedNanos = System.nanoTime();
            publish();
        }
    }

    /** The fabric logins and logouts the directory sent count as the run's frames: they passed the fast path. */
    private void countDirectoryFrames() {
        long n = directory.framesSent() - directoryFrames;
        directoryFrames += n;
        sent += n;
        returned += n;
        publish();
    }

    private void drive() {
        now = System.nanoTime();
        runStart = now;
        lastRefill = now;
        long nextSample = now + SECOND;
        long sentAtSample = sent;
        long completedAtSample = 0;
        long drainDeadline = 0;
        Arrays.fill(graceUntil, now);
        followMoves();
        for (int slot = 0; slot < generation.length; slot++) {
            maybeStart(slot);
        }
        while (true) {
            int back = dispatcher.poll(onReturn);
            now = System.nanoTime();
            followMoves();
            if (state == TrafficState.RUNNING && (stopRequested || limitReached())) {
                state = TrafficState.DRAINING;
                drainDeadline = now + DRAIN_TIMEOUT_NANOS;
            }
            int out = emit();
            dispatcher.publish();
            if (state == TrafficState.DRAINING) {
                if (outstanding == 0 && dispatcher.inFlight() == 0) {
                    break;
                }
                if (now - drainDeadline > 0) {
                    failed += outstanding;
                    outstanding = 0;
                    break;
                }
            }
            if (dispatcher.stopped()) {
                throw new IllegalStateException("the fast path stopped under the traffic generator");
            }
            if (now - nextSample >= 0) {
                confirmSuspects(false);
                set(FRAMES_PER_SECOND, sent - sentAtSample);
                set(EXCHANGES_PER_SECOND, completed - completedAtSample);
                sentAtSample = sent;
                completedAtSample = completed;
                nextSample += SECOND;
            }
            publish();
            dispatcher.pace(back > 0 || out > 0);
        }
        confirmSuspects(true);
    }

    /** Takes the moves the directory queued since the last look; on the generator thread, between sends. */
    private void followMoves() {
        for (FlowRoutes.Move m = routes.nextMove(); m != null; m = routes.nextMove()) {
            int flow = m.flow();
            if (flowIds[flow] != m.flowId() || !routes.differs(m)) {
                continue;
            }
            // frames that missed their route just before: they met the new rules before the generator knew them
            if (suspects[flow] > 0) {
                if (now - suspectSince[flow] >= MOVE_GRACE_NANOS) {
                    mismatches += suspects[flow];
                }
                suspected -= suspects[flow];
                suspects[flow] = 0;
            }
            routes.set(flow, m.path(), m.vt(), m.vi());
            graceUntil[flow] = now + MOVE_GRACE_NANOS;
            moves++;
            for (int slot = flow * depth; slot < (flow + 1) * depth; slot++) {
                if (active[slot]) {
                    end(slot, false);
                }
            }
        }
    }

    /** A frame missed its route: a mismatch, unless its flow moves within the grace. */
    private void suspect(int flow) {
        if (suspects[flow]++ == 0) {
            suspectSince[flow] = now;
        }
        suspected++;
    }

    /** Counts as mismatches the suspects no move explained within the grace; all of them at the end of the run. */
    private void confirmSuspects(boolean all) {
        if (suspected == 0) {
            return;
        }
        for (int f = 0; f < suspects.length; f++) {
            if (suspects[f] > 0 && (all || now - suspectSince[f] >= MOVE_GRACE_NANOS)) {
                mismatches += suspects[f];
                suspected -= suspects[f];
                suspects[f] = 0;
            }
        }
    }

    private boolean limitReached() {
        return spec.exchanges() > 0 && started >= spec.exchanges() || spec.frames() > 0 && sent >= spec.frames()
                || !spec.duration().isZero() && now - runStart >= spec.duration().toNanos();
    }

    /** Sends what waits, as far as the rate and the lanes allow; returns how many frames went. */
    private int emit() {
        long rate = spec.framesPerSecond();
        long budget = Long.MAX_VALUE;
        if (rate > 0) {
            // a second of refill fills the credit up anyway; more could overflow after a long pause
            credit = Math.min(credit + Math.min(now - lastRefill, SECOND) * rate, Math.max(rate / 100, 64) * SECOND);
            lastRefill = now;
            budget = credit / SECOND;
        }
        int n = 0;
        while (n < budget) {
            long item = work.peekFirst();
            if (item == WorkQueue.NONE || !send(item)) {
                break;
            }
            work.pollFirst();
            n++;
        }
        if (rate > 0) {
            credit -= n * SECOND;
        }
        return n;
    }

    private static long item(int slot, int gen, int kind, int index) {
        return (long) slot << 32 | (long) (gen & 0xFF) << 24 | (long) kind << 20 | index;
    }

    private static int slotOf(long item) {
        return (int) (item >>> 32);
    }

    private static int genOf(long item) {
        return (int) (item >>> 24) & 0xFF;
    }

    private static int kindOf(long item) {
        return (int) (item >>> 20) & 0xF;
    }

    private static int indexOf(long item) {
        return (int) item & 0xFFFFF;
    }

    private boolean current(int slot, int gen) {
        return active[slot] && (generation[slot] & 0xFF) == gen;
    }

    /** The OX_ID of a slot: its index among the slots of its VSAN, unique there. */
    private int ox(int slot) {
        return slot % (spec.flowsPerVsan() * depth);
    }

    private int payload(int slot, int index) {
        return Math.min(spec.maxPayload(), dataLength[slot] - index * spec.maxPayload());
    }

    /** Writes one frame into its worker's batch; false when that lane has no batch free. */
    private boolean send(long item) {
        int slot = slotOf(item);
        int gen = genOf(item);
        if (!current(slot, gen)) {
            return true;
        }
        int kind = kindOf(item);
        int index = indexOf(item);
        int flow = slot / depth;
        int i = topology.initiatorFcid(flow);
        int t = topology.targetFcid(flow);
        boolean viaAppliance = (kind & 1) == 1;
        boolean toTarget = kind == I_CMND || kind == A_CMND || kind == I_DATA || kind == A_DATA_OUT;
        int sid = !viaAppliance ? (toTarget ? i : t) : toTarget ? routes.vi[flow] : routes.vt[flow];
        int did = toTarget ? t : i;
        int len = switch (kind) {
            case I_CMND, A_CMND -> FcpFrames.COMMAND_LENGTH;
            case T_XFER_RDY, A_XFER_RDY -> FcpFrames.TRANSFER_READY_LENGTH;
            case T_RSP, A_RSP -> FcpFrames.RESPONSE_LENGTH;
            default -> FrameView.HEADER_LENGTH + payload(slot, index);
        };
        int vsan = topology.vsan[flow];
        FrameBatch b = dispatcher.claim(dispatcher.worker(vsan, sid, did), len);
        if (b == null) {
            return false;
        }
        int off = b.add(vsan, now, item, len);
        byte[] data = b.data();
        int ox = ox(slot);
        switch (kind) {
            case I_CMND, A_CMND -> fcp.command(data, off, did, sid, ox, write[slot], ox, dataLength[slot]);
            case T_XFER_RDY, A_XFER_RDY -> fcp.transferReady(data, off, did, sid, ox, dataLength[slot]);
            case T_RSP, A_RSP -> fcp.response(data, off, did, sid, ox);
            default -> fcp.data(data, off, did, sid, ox, !toTarget, index, index * spec.maxPayload(),
                    len - FrameView.HEADER_LENGTH, index + 1 == dataFrames[slot]);
        }
        sent++;
        framesPerFlow[flow]++;
        if (kind == I_DATA || kind == T_DATA) {
            if (index + 1 < dataFrames[slot]) {
                work.addLast(item(slot, gen, kind, index + 1));
            } else if (kind == T_DATA) {
                work.addLast(item(slot, gen, T_RSP, 0));
            }
        }
        return true;
    }

    private void returned(FrameBatch b) {
        int n = b.count();
        for (int i = 0; i < n; i++) {
            deliver(b, i);
        }
        returned += n;
        dispatcher.release(b);
    }

    /** A frame the fast path let through arrives at the port its D_ID names. */
    private void deliver(FrameBatch b, int i) {
        long item = b.tag(i);
        int slot = slotOf(item);
        int gen = genOf(item);
        if (!current(slot, gen)) {
            return;
        }
        if (b.verdict(i) != FrameBatch.FORWARDED) {
            dropped++;
            end(slot, false);
            return;
        }
        int kind = kindOf(item);
        int flow = slot / depth;
        FrameView v = view.wrap(b.data(), b.offset(i), b.length(i));
        if (routes.path[flow] == FlowRoutes.DROP || v.sId() != expectedSid(flow, kind) || v.dId() != expectedDid(flow, kind)
                || v.oxId() != ox(slot)) {
            if (now - graceUntil[flow] < 0) {
                // the flow moved moments ago: the frame met rules of either route
                end(slot, false);
                return;
            }
            suspect(flow);
        }
        advance(slot, gen, kind, indexOf(item), routes.path[flow] == FlowRoutes.REDIRECT);
    }

    /** Who the receiver must see as sender: on a redirect, the appliance sees the real end, the ends each other. */
    private int expectedSid(int flow, int kind) {
        boolean fromInitiatorSide = kind == I_CMND || kind == A_CMND || kind == I_DATA || kind == A_DATA_OUT;
        return fromInitiatorSide ? topology.initiatorFcid(flow) : topology.targetFcid(flow);
    }

    private int expectedDid(int flow, int kind) {
        boolean toTarget = kind == I_CMND || kind == A_CMND || kind == I_DATA || kind == A_DATA_OUT;
        boolean toAppliance = routes.path[flow] == FlowRoutes.REDIRECT && (kind & 1) == 0;
        if (toAppliance) {
            return toTarget ? routes.vt[flow] : routes.vi[flow];
        }
        return toTarget ? topology.targetFcid(flow) : topology.initiatorFcid(flow);
    }

    private void advance(int slot, int gen, int kind, int index, boolean redirected) {
        switch (kind) {
            case I_CMND -> {
                if (redirected) {
                    work.addLast(item(slot, gen, A_CMND, 0));
                } else {
                    targetGotCommand(slot, gen);
                }
            }
            case A_CMND -> targetGotCommand(slot, gen);
            case T_XFER_RDY -> work.addLast(item(slot, gen, redirected ? A_XFER_RDY : I_DATA, 0));
            case A_XFER_RDY -> work.addLast(item(slot, gen, I_DATA, 0));
            case I_DATA -> {
                if (redirected) {
                    work.addLast(item(slot, gen, A_DATA_OUT, index));
                } else {
                    targetGotData(slot, gen);
                }
            }
            case A_DATA_OUT -> targetGotData(slot, gen);
            case T_DATA -> {
                if (redirected) {
                    work.addLast(item(slot, gen, A_DATA_IN, index));
                } else {
                    dataSeen[slot]++;
                }
            }
            case A_DATA_IN -> dataSeen[slot]++;
            case T_RSP -> {
                if (redirected) {
                    work.addLast(item(slot, gen, A_RSP, 0));
                } else {
                    end(slot, true);
                }
            }
            default -> end(slot, true);
        }
    }

    private void targetGotCommand(int slot, int gen) {
        work.addLast(item(slot, gen, write[slot] ? T_XFER_RDY : T_DATA, 0));
    }

    private void targetGotData(int slot, int gen) {
        if (++dataSeen[slot] == dataFrames[slot]) {
            work.addLast(item(slot, gen, T_RSP, 0));
        }
    }

    /** Ends an exchange, completed by its response or failed by a drop, and starts the next in its slot. */
    private void end(int slot, boolean byResponse) {
        if (byResponse) {
            completed++;
            if (dataSeen[slot] != dataFrames[slot]) {
                incomplete++;
            }
        } else {
            failed++;
        }
        active[slot] = false;
        outstanding--;
        maybeStart(slot);
    }

    private void maybeStart(int slot) {
        if (state != TrafficState.RUNNING || stopRequested || limitReached()) {
            return;
        }
        generation[slot]++;
        active[slot] = true;
        write[slot] = random.nextInt(100) >= spec.readPercent();
        dataLength[slot] = ioSizes[random.nextInt(ioSizes.length)];
        dataFrames[slot] = (dataLength[slot] + spec.maxPayload() - 1) / spec.maxPayload();
        dataSeen[slot] = 0;
        started++;
        outstanding++;
        work.addLast(item(slot, generation[slot], I_CMND, 0));
    }

    private void publish() {
        set(SENT, sent);
        set(RETURNED, returned);
        set(STARTED, started);
        set(COMPLETED, completed);
        set(OUTSTANDING, outstanding);
        set(MISMATCHES, mismatches);
        set(DROPPED, dropped);
        set(FAILED, failed);
        set(INCOMPLETE, incomplete);
        set(MOVES, moves);
    }

    private void set(int field, long v) {
        LONG.setOpaque(published, field, v);
    }

    private long get(int field) {
        return (long) LONG.getOpaque(published, field);
    }

    TrafficStatus status() {
        long start = startedNanos;
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        return new TrafficStatus(state, Optional.of(spec), directory.name(), Optional.ofNullable(startedAt),
                Duration.ofNanos(start == 0 ? 0 : end - start), topology.flows, get(SENT), get(RETURNED),
                get(FRAMES_PER_SECOND), get(STARTED), get(COMPLETED), get(EXCHANGES_PER_SECOND), get(OUTSTANDING),
                get(MISMATCHES), get(DROPPED), get(FAILED), get(INCOMPLETE), get(MOVES), Optional.ofNullable(failure));
    }

    /** Frames sent per flow, by flow index; read once the run ended. */
    long[] framesPerFlow() {
        return framesPerFlow.clone();
    }

    /** Flow ids by flow index; read once the run ended. */
    long[] flowIds() {
        return flowIds.clone();
    }

    TrafficTopology topology() {
        return topology;
    }
}
