package org.fcredirect.stats.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.stats.api.FlowLabels;

/**
 * The groups of one dimension (e.g. every target) with a per-minute ring each. At most
 * {@code maxGroups} groups; labels beyond that share the group {@link FlowLabels#OTHER}, which
 * is always there, so a flow always has a group and the groups always add up to the total.
 */
final class GroupDimension {
    private final int maxGroups;
    private final int minutes;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final List<BucketRing> rings = new ArrayList<>();
    private final int other;

    GroupDimension(int maxGroups, int minutes) {
        this.maxGroups = maxGroups;
        this.minutes = minutes;
        this.other = create(FlowLabels.OTHER);
    }

    /** The group of a label, created while there is room. */
    int groupOf(String label) {
        Integer id = ids.get(label);
        if (id != null) {
            return id;
        }
        return labels.size() < maxGroups + 1 ? create(label) : other;
    }

    String label(int group) {
        return labels.get(group);
    }

    BucketRing ring(int group) {
        return rings.get(group);
    }

    int size() {
        return labels.size();
    }

    long heapBytes() {
        long bytes = 0;
        for (BucketRing ring : rings) {
            bytes += ring.heapBytes() + 64;
        }
        return bytes;
    }

    private int create(String label) {
        int id = labels.size();
        ids.put(label, id);
        labels.add(label);
        rings.add(new BucketRing(minutes));
        return id;
    }
}
