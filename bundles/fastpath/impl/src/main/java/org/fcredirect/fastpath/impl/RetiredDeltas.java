package org.fcredirect.fastpath.impl;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counters of rules that were removed or changed before their deltas were shipped, merged by flow
 * until they can be. Filled when rules change (control time), emptied by shipping; this is where
 * a flow's last frames wait when the stats service is away while the flow goes.
 */
final class RetiredDeltas {
    static final int FRAMES_TO_TARGET = 0;
    static final int BYTES_TO_TARGET = 1;
    static final int FRAMES_TO_INITIATOR = 2;
    static final int BYTES_TO_INITIATOR = 3;
    static final int DROPPED = 4;
    static final int OPENED = 5;
    static final int COMPLETED = 6;
    static final int FIELDS = 7;

    private final Map<Long, long[]> byFlow = new HashMap<>();

    void add(long flowId, long[] counters) {
        long[] sum = byFlow.computeIfAbsent(flowId, f -> new long[FIELDS]);
        for (int i = 0; i < FIELDS; i++) {
            sum[i] += counters[i];
        }
    }

    void addAll(RetiredDeltas other) {
        other.byFlow.forEach(this::add);
    }

    int size() {
        return byFlow.size();
    }

    boolean isEmpty() {
        return byFlow.isEmpty();
    }

    /** Ships as many flows as the channel takes; false when it ran out of room. */
    boolean shipTo(StatsChannel channel) {
        Iterator<Map.Entry<Long, long[]>> it = byFlow.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, long[]> en = it.next();
            long[] c = en.getValue();
            if (!channel.addDelta(en.getKey(), c[FRAMES_TO_TARGET], c[BYTES_TO_TARGET], c[FRAMES_TO_INITIATOR],
                    c[BYTES_TO_INITIATOR], c[DROPPED], c[OPENED], c[COMPLETED])) {
                return false;
            }
            it.remove();
        }
        return true;
    }
}
