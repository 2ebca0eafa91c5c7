package org.fcredirect.shell.fastpath;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fcredirect.json.Json;
import org.fcredirect.traffic.api.TrafficStatus;

/** The generator's progress, the same in fcr:traffic, fcr:traffic-start and fcr:traffic-stop. */
final class TrafficViews {
    private TrafficViews() {
    }

    static Map<String, Object> describe(TrafficStatus t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", t.state().toString());
        t.spec().ifPresent(s -> m.put("spec", s.toMap().toString()));
        m.put("started", t.startedAt().map(Object::toString).orElse(null));
        m.put("elapsed_s", t.elapsed().toMillis() / 1000.0);
        m.put("flows", t.flows());
        m.put("frames_sent", t.framesSent());
        m.put("frames_returned", t.framesReturned());
        m.put("frames_per_second", t.framesPerSecond());
        m.put("exchanges_started", t.exchangesStarted());
        m.put("exchanges_completed", t.exchangesCompleted());
        m.put("exchanges_per_second", t.exchangesPerSecond());
        m.put("outstanding_exchanges", t.outstandingExchanges());
        m.put("address_mismatches", t.addressMismatches());
        m.put("frames_dropped", t.framesDropped());
        m.put("exchanges_failed", t.exchangesFailed());
        m.put("incomplete_exchanges", t.incompleteExchanges());
        m.put("flow_moves", t.flowMoves());
        m.put("errors", t.errors());
        m.put("failure", t.failure().orElse(null));
        return m;
    }

    /** Prints the status as JSON or as aligned lines, what every traffic command answers with. */
    static void show(TrafficStatus t, boolean json) {
        if (json) {
            System.out.println(Json.write(describe(t)));
            return;
        }
        describe(t).forEach((k, v) -> {
            if (v != null) {
                System.out.printf("%-22s %s%n", k.replace('_', ' '), v);
            }
        });
    }
}
