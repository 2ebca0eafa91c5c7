package org.fcredirect.shell.fastpath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.PuntBacklog;
import org.fcredirect.fastpath.api.StatsBacklog;
import org.fcredirect.fastpath.api.WorkerStatus;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;

@Service
@Command(scope = "fcr", name = "fastpath", description = "Shows the fast path: each worker alive and advancing, frames, frames/s,"
        + " drops by reason, queue depths, rules, and what waits for the statistics service")
public class FastPathCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of tables")
    boolean json;

    @Reference(optional = true)
    FastPath fastPath;

    static final View<WorkerStatus> WORKERS = new View<WorkerStatus>("")
            .number("Worker", "index", WorkerStatus::index)
            .tableOnly("State", w -> !w.alive() ? "DEAD" : w.advancing() ? "alive" : "STALLED")
            .jsonOnly("alive", WorkerStatus::alive)
            .jsonOnly("advancing", WorkerStatus::advancing)
            .number("Frames", "frames_processed", WorkerStatus::framesProcessed)
            .number("Frames/s", "frames_per_second", WorkerStatus::framesPerSecond)
            .tableOnlyNumber("Dropped", WorkerStatus::framesDropped)
            .jsonOnly("drops", w -> drops(w.drops()))
            .number("Ring", "ring_depth", WorkerStatus::ringDepth)
            .number("Control", "control_queue_depth", WorkerStatus::controlQueueDepth)
            .number("Rules", "rules", WorkerStatus::rules)
            .number("Open XCHG", "open_exchanges", WorkerStatus::openExchanges)
            .number("Stats deferred", "stats_deferrals", WorkerStatus::statsDeferrals)
            .number("Faults", "faults", WorkerStatus::faults)
            .jsonOnly("last_fault", w -> w.lastFault().orElse(null));

    @Override
    public Object execute() {
        Services.require(fastPath, "fast path", "fcr-fastpath");
        FastPathStatus s = fastPath.status();
        if (json) {
            System.out.println(Json.write(toJson(s)));
            return null;
        }
        System.out.printf("settings: %s%s%n", s.settings(), s.pendingSettings().map(p -> " (pending: " + p + ")").orElse(""));
        System.out.printf("frames: %d received, %d processed, %d forwarded, %d dropped; %d frames/s%n", s.framesReceived(),
                s.framesProcessed(), s.framesForwarded(), s.framesDropped(), s.framesPerSecond());
        System.out.printf("rules: generation %d, %d batches, %d generation gaps, %d repeated%n", s.ruleGeneration(),
                s.ruleBatches(), s.generationGaps(), s.repeatedBatches());
        StatsBacklog b = s.stats();
        System.out.printf("stats out: %d frames and %d flow deltas pending, %d batches queued, %d exchange records dropped,"
                + " %d consumer failures, last drain %s%n", b.pendingFrames(), b.pendingFlowDeltas(), b.queuedBatches(),
                b.exchangeRecordsDropped(), b.consumerFailures(), b.lastDrain().map(Object::toString).orElse("never"));
        PuntBacklog p = s.punts();
        System.out.printf("logins punted: %d, %d lost to full punt queues, %d drained, %d queued%n", p.punted(),
                p.dropped(), p.drained(), p.queued());
        s.lastSourceFailure().ifPresent(f -> System.out.println("last source failure: " + f));
        WORKERS.table(s.workers()).print(System.out);
        if (s.framesDropped() > 0) {
            System.out.println("drops: " + s.drops().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        return null;
    }

    static Map<String, Object> toJson(FastPathStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", s.at().toString());
        m.put("settings", s.settings().toString());
        m.put("healthy", s.healthy());
        m.put("frames_received", s.framesReceived());
        m.put("frames_processed", s.framesProcessed());
        m.put("frames_forwarded", s.framesForwarded());
        m.put("frames_dropped", s.framesDropped());
        m.put("frames_per_second", s.framesPerSecond());
        m.put("drops", drops(s.drops()));
        m.put("rule_generation", s.ruleGeneration());
        m.put("rule_batches", s.ruleBatches());
        m.put("generation_gaps", s.generationGaps());
        StatsBacklog b = s.stats();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("pending_frames", b.pendingFrames());
        stats.put("pending_flow_deltas", b.pendingFlowDeltas());
        stats.put("queued_batches", b.queuedBatches());
        stats.put("exchange_records_dropped", b.exchangeRecordsDropped());
        stats.put("frames_drained", b.framesDrained());
        stats.put("consumer_failures", b.consumerFailures());
        stats.put("last_drain", b.lastDrain().map(Object::toString).orElse(null));
        m.put("stats", stats);
        PuntBacklog p = s.punts();
        Map<String, Object> punts = new LinkedHashMap<>();
        punts.put("punted", p.punted());
        punts.put("dropped", p.dropped());
        punts.put("drained", p.drained());
        punts.put("queued", p.queued());
        m.put("punts", punts);
        m.put("workers", WORKERS.json(s.workers()));
        return m;
    }

    private static Map<String, Object> drops(Map<DropReason, Long> drops) {
        Map<String, Object> m = new LinkedHashMap<>();
        drops.forEach((r, n) -> m.put(r.toString(), n));
        return m;
    }
}
