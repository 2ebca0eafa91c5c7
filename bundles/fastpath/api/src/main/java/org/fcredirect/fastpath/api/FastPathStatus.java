package org.fcredirect.fastpath.api;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fast path at a point in time: settings, every worker, totals, the control input and the
 * statistics output.
 *
 * @param at when the figures were taken
 * @param settings the settings in force
 * @param pendingSettings settings accepted but waiting for the running frame sources to finish
 * @param workers every worker, by index
 * @param framesReceived frames taken from the rings, malformed ones included
 * @param framesProcessed well-formed frames decided on; what {@link StatsSource} reconciles with
 * @param framesForwarded frames handed to the egress
 * @param framesPerSecond frames received during the last second
 * @param framesPerSecondHistory frames received in each of the last seconds, oldest first
 * @param drops frames discarded, by reason, every reason present
 * @param ruleBatches rule batches accepted
 * @param ruleGeneration generation of the last accepted batch, -1 before any
 * @param generationGaps batches missing between accepted ones (a publisher lost some)
 * @param repeatedBatches batches refused because their generation was not new
 * @param activeSources frame sources running (generator, replays)
 * @param sourceFailures frame sources that ended with an error
 * @param lastSourceFailure the last such error
 * @param stats the statistics output's backlog
 * @param punts the control frames (fabric logins) punted to the control plane, and those lost
 */
public record FastPathStatus(Instant at, FastPathSettings settings, Optional<FastPathSettings> pendingSettings,
        List<WorkerStatus> workers, long framesReceived, long framesProcessed, long framesForwarded,
        long framesPerSecond, List<Long> framesPerSecondHistory, Map<DropReason, Long> drops, long ruleBatches,
        long ruleGeneration, long generationGaps, long repeatedBatches, int activeSources, long sourceFailures,
        Optional<String> lastSourceFailure, StatsBacklog stats, PuntBacklog punts) {

    public FastPathStatus {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pendingSettings, "pendingSettings");
        Objects.requireNonNull(lastSourceFailure, "lastSourceFailure");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(punts, "punts");
        workers = List.copyOf(workers);
        framesPerSecondHistory = List.copyOf(framesPerSecondHistory);
        drops = Map.copyOf(new EnumMap<>(drops));
    }

    public long framesDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every worker thread is running and its loop advanced during the last second. */
    public boolean healthy() {
        return workers.stream().allMatch(w -> w.alive() && w.advancing());
    }
}
