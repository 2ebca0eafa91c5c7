package org.fcredirect.audit.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.fcredirect.audit.api.AuditEntry;

/** The most recent audit entries, at most {@code capacity}; the oldest go first. Thread-safe. */
final class AuditRing {
    static final int MAX_CAPACITY = 1_000_000;
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
    private int capacity;

    AuditRing(int capacity) {
        resize(capacity);
    }

    synchronized void resize(int newCapacity) {
        if (newCapacity < 1 || newCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + newCapacity + ": must be 1.." + MAX_CAPACITY);
        }
        capacity = newCapacity;
        trim();
    }

    synchronized void add(AuditEntry entry) {
        entries.addLast(entry);
        trim();
    }

    /** The last {@code limit} entries of {@code user} (of everyone when empty), oldest first. */
    synchronized List<AuditEntry> recent(int limit, Optional<String> user) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        List<AuditEntry> newestFirst = new ArrayList<>(Math.min(limit, entries.size()));
        for (Iterator<AuditEntry> it = entries.descendingIterator(); it.hasNext() && newestFirst.size() < limit; ) {
            AuditEntry e = it.next();
            if (user.isEmpty() || user.get().equals(e.user())) {
                newestFirst.add(e);
            }
        }
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    private void trim() {
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }
}
