package org.fcredirect.traffic.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Progress of a traffic generator run.
 *
 * @param state where the run is
 * @param spec what it simulates; empty before the first run
 * @param directory where its ports and flows live: "flow service" (logged in and created through
 *        the flow API) or "direct rules" (no flow service: rules published straight to the fast path)
 * @param startedAt when the run started
 * @param elapsed since it started (until it ended)
 * @param flows flows it drives
 * @param framesSent frames handed to the fast path, the appliances' copies and the ports' fabric logins included
 * @param framesReturned frames back from the fast path (forwarded or dropped)
 * @param framesPerSecond frames sent during the last second
 * @param exchangesStarted exchanges started
 * @param exchangesCompleted exchanges whose response reached the initiator with all their data
 * @param exchangesPerSecond exchanges completed during the last second
 * @param outstandingExchanges exchanges open now
 * @param addressMismatches frames that arrived with an S_ID or D_ID other than the redirect rules
 *        promise: a target seeing anything but the initiator's own FCID, an initiator anything but
 *        the target's, an appliance frames not meant for it, or any frame of a dropped flow
 *        forwarded. Frames within 2 s of a move of their flow are not counted: they may have met
 *        either route's rules (the flow manager changes the rules before it tells the generator);
 *        they end their exchange as failed instead. A mismatch is counted once those 2 s passed.
 * @param framesDropped frames the fast path dropped (their exchanges fail)
 * @param exchangesFailed exchanges abandoned because one of their frames was dropped or misrouted
 *        by a move of their flow, because they were open when their flow moved, or because they
 *        were still open when draining gave up
 * @param incompleteExchanges responses that arrived before all of their exchange's data
 * @param flowMoves placement changes of its flows that the generator followed while it ran:
 *        failover to a standby, bypass or block, failback, a new decision of the policies
 * @param failure why the run failed, if it did
 */
public record TrafficStatus(TrafficState state, Optional<TrafficSpec> spec, String directory,
        Optional<Instant> startedAt, Duration elapsed, int flows, long framesSent, long framesReturned,
        long framesPerSecond, long exchangesStarted, long exchangesCompleted, long exchangesPerSecond,
        long outstandingExchanges, long addressMismatches, long framesDropped, long exchangesFailed,
        long incompleteExchanges, long flowMoves, Optional<String> failure) {

    public TrafficStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failure, "failure");
    }

    /** The status without {@code flowMoves} (none), as of API 1.1. */
    public TrafficStatus(TrafficState state, Optional<TrafficSpec> spec, String directory, Optional<Instant> startedAt,
            Duration elapsed, int flows, long framesSent, long framesReturned, long framesPerSecond,
            long exchangesStarted, long exchangesCompleted, long exchangesPerSecond, long outstandingExchanges,
            long addressMismatches, long framesDropped, long exchangesFailed, long incompleteExchanges,
            Optional<String> failure) {
        this(state, spec, directory, startedAt, elapsed, flows, framesSent, framesReturned, framesPerSecond,
                exchangesStarted, exchangesCompleted, exchangesPerSecond, outstandingExchanges, addressMismatches,
                framesDropped, exchangesFailed, incompleteExchanges, 0, failure);
    }

    /** Before any run. */
    public static TrafficStatus idle() {
        return new TrafficStatus(TrafficState.IDLE, Optional.empty(), "", Optional.empty(), Duration.ZERO, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty());
    }

    /** Everything that went wrong: mismatches, drops, failed and incomplete exchanges. */
    public long errors() {
        return addressMismatches + framesDropped + exchangesFailed + incompleteExchanges;
    }
}
