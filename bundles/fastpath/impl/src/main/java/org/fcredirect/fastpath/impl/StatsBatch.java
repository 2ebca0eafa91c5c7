package org.fcredirect.fastpath.impl;

/**
 * Flow deltas and exchange completions shipped together from a worker to the stats service, as
 * columns of primitives in a preallocated, recycled object.
 */
final class StatsBatch {
    static final int DELTAS = 1024;
    static final int EXCHANGES = 1024;

    final long[] flow = new long[DELTAS];
    final long[] framesToTarget = new long[DELTAS];
    final long[] bytesToTarget = new long[DELTAS];
    final long[] framesToInitiator = new long[DELTAS];
    final long[] bytesToInitiator = new long[DELTAS];
    final long[] dropped = new long[DELTAS];
    final long[] opened = new long[DELTAS];
    final long[] completed = new long[DELTAS];
    int deltas;

    final long[] exFlow = new long[EXCHANGES];
    final int[] exVsan = new int[EXCHANGES];
    final int[] exInitiator = new int[EXCHANGES];
    final int[] exTarget = new int[EXCHANGES];
    final int[] exOx = new int[EXCHANGES];
    final boolean[] exWrite = new boolean[EXCHANGES];
    final long[] exDataLength = new long[EXCHANGES];
    final int[] exStatus = new int[EXCHANGES];
    final long[] exCommand = new long[EXCHANGES];
    final long[] exCompletion = new long[EXCHANGES];
    int exchanges;

    int records() {
        return deltas + exchanges;
    }

    boolean isEmpty() {
        return deltas == 0 && exchanges == 0;
    }

    void clear() {
        deltas = 0;
        exchanges = 0;
    }
}
