package org.fcredirect.stats.api;

import java.util.Objects;

/**
 * What a flow is grouped by, as text: the VSAN number, the initiator and target pWWNs, and the
 * appliance carrying it ({@link #DIRECT} when none). {@link #UNKNOWN} where the flow service did
 * not know the flow.
 */
public record FlowLabels(String vsan, String initiator, String target, String appliance) {
    public static final String UNKNOWN = "unknown";
    public static final String DIRECT = "direct";
    /** Where a dimension has more groups than the service keeps, the rest fall in this group. */
    public static final String OTHER = "other";
    public static final FlowLabels UNKNOWN_FLOW = new FlowLabels(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);

    public FlowLabels {
        Objects.requireNonNull(vsan, "vsan");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(appliance, "appliance");
    }

    public String of(GroupBy by) {
        return switch (by) {
            case VSAN -> vsan;
            case INITIATOR -> initiator;
            case TARGET -> target;
            case APPLIANCE -> appliance;
        };
    }
}
