package org.fcredirect.metrics;

import static org.fcredirect.metrics.Families.counter;
import static org.fcredirect.metrics.Families.gauge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.WorkerStatus;

/**
 * The fast path's counters, per worker where an operator looks for an imbalance. Bytes are counted
 * by the statistics ({@code fcr_stats_bytes_total}): the fast path counts frames only.
 */
final class FastPathFamilies {
    private FastPathFamilies() {
    }

    static List<MetricSnapshot> of(FastPathStatus s) {
        Map<String, Long> drops = new LinkedHashMap<>();
        s.drops().forEach((reason, frames) -> drops.put(reason.toString(), frames));
        return List.of(
                counter("fcr_fastpath_frames_received", "Frames taken from the rings, malformed ones included", null,
                        s.framesReceived()),
                counter("fcr_fastpath_frames_processed", "Well-formed frames decided on", null, s.framesProcessed()),
                counter("fcr_fastpath_frames_forwarded", "Frames handed to the egress", null, s.framesForwarded()),
                counter("fcr_fastpath_frames_dropped", "Frames discarded, by reason", "reason", drops),
                counter("fcr_fastpath_worker_frames_processed", "Frames a worker decided on", "worker",
                        perWorker(s, WorkerStatus::framesProcessed)),
                counter("fcr_fastpath_worker_faults", "Frames whose processing threw and was contained", "worker",
                        perWorker(s, WorkerStatus::faults)),
                gauge("fcr_fastpath_worker_ring_depth", "Frames waiting in a worker's input ring", "worker",
                        perWorker(s, w -> w.ringDepth())),
                gauge("fcr_fastpath_workers_healthy", "1 when every worker is alive and advancing, else 0", null,
                        s.healthy() ? 1 : 0),
                counter("fcr_fastpath_exchange_records_dropped", "Exchange completions lost to a full statistics queue",
                        null, s.stats().exchangeRecordsDropped()),
                gauge("fcr_fastpath_stats_pending_frames", "Frames counted by the workers, not yet drained by the statistics",
                        null, s.stats().pendingFrames()));
    }

    private static Map<String, Long> perWorker(FastPathStatus s, ToLongFunction<WorkerStatus> figure) {
        Map<String, Long> out = new LinkedHashMap<>();
        s.workers().forEach(w -> out.put(Integer.toString(w.index()), figure.applyAsLong(w)));
        return out;
    }
}
