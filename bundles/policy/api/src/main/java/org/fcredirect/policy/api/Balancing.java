package org.fcredirect.policy.api;

import java.util.Locale;

import org.fcredirect.flow.api.ValidationException;

/** How a redirect picks one appliance among the healthy members of its group that serve the VSAN. */
public enum Balancing {
    /**
     * Every initiator of one target goes to the same appliance, as storage-encryption clusters
     * require; targets spread over the members by weight (rendezvous hashing, so a member that
     * leaves or returns moves only its own targets).
     */
    TARGET_AFFINITY,
    /** The member with the fewest flows per unit of weight. */
    LEAST_LOADED,
    /** The members in turn, by name. */
    ROUND_ROBIN;

    /** Parses {@code target-affinity}, {@code least-loaded} or {@code round-robin}, in any case. */
    public static Balancing parse(String text) {
        if (text != null) {
            String s = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Balancing b : values()) {
                if (b.name().equals(s)) {
                    return b;
                }
            }
        }
        throw new ValidationException("balancing", text, "must be one of target-affinity, least-loaded, round-robin");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
