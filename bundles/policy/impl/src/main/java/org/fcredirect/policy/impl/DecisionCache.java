package org.fcredirect.policy.impl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;

/**
 * A bounded least-recently-used cache of decisions by flow context. A redirect's entry remembers
 * the inventory version it was chosen at and is stale once the inventory has changed. An epoch
 * guards against a race: a decision computed while the policies changed is not stored, because
 * the invalidation moved the epoch past the one its computation started at. Holds its own short
 * lock and never calls out while holding it.
 */
final class DecisionCache {
    private static final long ANY_VERSION = -1;

    private record Entry(Decision decision, long inventoryVersion) {
    }

    private final Map<FlowContext, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FlowContext, Entry> eldest) {
            if (size() > capacity) {
                evictions++;
                return true;
            }
            return false;
        }
    };
    private int capacity;
    private long epoch;
    private long hits;
    private long misses;
    private long evictions;
    private long invalidations;

    DecisionCache(int capacity) {
        this.capacity = capacity;
    }

    /** The decision for a context, or null (a miss) when there is none or it is stale. */
    synchronized Decision get(FlowContext context, long inventoryVersion) {
        Entry e = capacity == 0 ? null : entries.get(context);
        if (e != null && e.inventoryVersion != ANY_VERSION && e.inventoryVersion != inventoryVersion) {
            entries.remove(context);
            invalidations++;
            e = null;
        }
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        return e.decision;
    }

    /** The epoch to pass to {@link #put}, read before the decision is computed. */
    synchronized long epoch() {
        return epoch;
    }

    /** Stores a decision computed since {@code epochSeen}, unless an invalidation came in between. */
    synchronized void put(FlowContext context, Decision d, long inventoryVersion, long epochSeen) {
        if (capacity == 0 || epochSeen != epoch) {
            return;
        }
        entries.put(context, new Entry(d, d.action() == FlowAction.REDIRECT ? inventoryVersion : ANY_VERSION));
    }

    /** Drops the entries of the contexts {@code affected} selects. */
    synchronized void invalidate(Predicate<FlowContext> affected) {
        epoch++;
        for (Iterator<FlowContext> it = entries.keySet().iterator(); it.hasNext();) {
            if (affected.test(it.next())) {
                it.remove();
                invalidations++;
            }
        }
    }

    synchronized void resize(int newCapacity) {
        capacity = newCapacity;
        for (Iterator<FlowContext> it = entries.keySet().iterator(); entries.size() > capacity && it.hasNext();) {
            it.next();
            it.remove();
            evictions++;
        }
    }

    synchronized CacheStatistics statistics() {
        return new CacheStatistics(hits, misses, evictions, invalidations, entries.size(), capacity);
    }
}
