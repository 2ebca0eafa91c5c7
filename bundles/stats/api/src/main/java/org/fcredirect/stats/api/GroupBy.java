package org.fcredirect.stats.api;

/** A flow attribute that aggregates group by. */
public enum GroupBy {
    VSAN, APPLIANCE, TARGET, INITIATOR
}
