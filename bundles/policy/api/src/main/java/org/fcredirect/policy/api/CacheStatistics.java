package org.fcredirect.policy.api;

/**
 * Counters of the decision cache since the policy engine started.
 *
 * @param hits evaluations answered from the cache
 * @param misses evaluations that ran the policies (a stale entry counts as a miss)
 * @param evictions entries dropped to stay within capacity
 * @param invalidations entries dropped because a policy or the appliance inventory changed
 * @param size entries now
 * @param capacity most entries; 0 turns the cache off
 */
public record CacheStatistics(long hits, long misses, long evictions, long invalidations, int size, int capacity) {

    /** Hits per evaluation, 0 before the first. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
