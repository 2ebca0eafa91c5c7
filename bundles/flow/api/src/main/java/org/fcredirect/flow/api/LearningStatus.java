package org.fcredirect.flow.api;

import java.util.EnumMap;
import java.util.Map;

/**
 * The login learner's figures since the flow manager started.
 *
 * @param enabled whether learning is on (setting {@code learnLogins} of {@code org.fcredirect.flow})
 * @param framesSeen punted frames drained, learning on or off
 * @param loginsLearned ports logged in or moved by a fabric login or a PLOGI
 * @param loginsConfirmed logins that matched the table (or an appliance's own virtual port) already
 * @param logoutsLearned ports logged out by an accepted LOGO to the fabric
 * @param rejected requests the responder rejected (LS_RJT)
 * @param pendingRequests requests waiting for their reply
 * @param requestsExpired requests given up without a reply (pushed out by newer ones)
 * @param ignored frames ignored, by reason, every reason present
 */
public record LearningStatus(boolean enabled, long framesSeen, long loginsLearned, long loginsConfirmed,
        long logoutsLearned, long rejected, int pendingRequests, long requestsExpired,
        Map<LoginIgnoreReason, Long> ignored) {

    public LearningStatus {
        ignored = Map.copyOf(new EnumMap<>(ignored));
    }

    public long ignoredTotal() {
        return ignored.values().stream().mapToLong(Long::longValue).sum();
    }
}
