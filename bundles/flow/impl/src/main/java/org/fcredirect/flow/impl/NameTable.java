package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the few distinct names flows refer to (appliances, groups, policies) as small ints, so a
 * flow stores four ints instead of four references. Never shrinks: names are few. Not thread-safe.
 */
final class NameTable {
    static final int NONE = -1;

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** The index of {@code name}, added if new; {@link #NONE} for null. */
    int intern(String name) {
        if (name == null) {
            return NONE;
        }
        Integer i = indexes.get(name);
        if (i != null) {
            return i;
        }
        names.add(name);
        indexes.put(name, names.size() - 1);
        return names.size() - 1;
    }

    /** The index of {@code name}, or {@link #NONE} when it was never interned. */
    int find(String name) {
        Integer i = name == null ? null : indexes.get(name);
        return i == null ? NONE : i;
    }

    /** The name at {@code index}; null for {@link #NONE}. */
    String name(int index) {
        return index == NONE ? null : names.get(index);
    }

    int size() {
        return names.size();
    }
}
