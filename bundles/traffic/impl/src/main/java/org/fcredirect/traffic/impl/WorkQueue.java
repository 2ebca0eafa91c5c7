package org.fcredirect.traffic.impl;

/** A growable double-ended ring of non-negative {@code long} work items; single-threaded. */
final class WorkQueue {
    static final long NONE = -1;

    private long[] ring;
    private int head;
    private int size;

    WorkQueue(int capacity) {
        ring = new long[Integer.highestOneBit(Math.max(16, capacity - 1)) << 1];
    }

    void addLast(long item) {
        if (size == ring.length) {
            grow();
        }
        ring[head + size++ & ring.length - 1] = item;
    }

    void addFirst(long item) {
        if (size == ring.length) {
            grow();
        }
        head = head - 1 & ring.length - 1;
        ring[head] = item;
        size++;
    }

    /** The first item, or {@link #NONE}. */
    long peekFirst() {
        return size == 0 ? NONE : ring[head];
    }

    long pollFirst() {
        if (size == 0) {
            return NONE;
        }
        long item = ring[head];
        head = head + 1 & ring.length - 1;
        size--;
        return item;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[head + i & ring.length - 1];
        }
        ring = bigger;
        head = 0;
    }
}
