package org.fcredirect.stats.impl;

import java.util.Arrays;

/**
 * Per-flow counters for up to {@code maxFlows} flows as rows of one {@code long[]} (a row is
 * {@link #WIDTH} longs), with each row's group ids and detail slot beside it. Arrays grow by
 * doubling up to the bound, so memory follows the flows actually seen.
 */
final class FlowCounters {
    static final int FRAMES_TO_TARGET = 0;
    static final int BYTES_TO_TARGET = 1;
    static final int FRAMES_TO_INITIATOR = 2;
    static final int BYTES_TO_INITIATOR = 3;
    static final int FRAMES_DROPPED = 4;
    static final int EXCHANGES_OPENED = 5;
    static final int EXCHANGES_COMPLETED = 6;
    static final int READS = 7;
    static final int WRITES = 8;
    static final int SCSI_ERRORS = 9;
    static final int LATENCY_SUM = 10;
    static final int LATENCY_MAX = 11;
    static final int FIRST_SEEN = 12;
    static final int LAST_SEEN = 13;
    /** Current minute, rolled into the PREV_ columns at each minute boundary: what top() ranks. */
    static final int MINUTE_BYTES = 14;
    static final int MINUTE_EXCHANGES = 15;
    static final int MINUTE_LATENCY_SUM = 16;
    static final int MINUTE_LATENCY_COUNT = 17;
    static final int PREV_BYTES = 18;
    static final int PREV_EXCHANGES = 19;
    static final int PREV_LATENCY_SUM = 20;
    static final int PREV_LATENCY_COUNT = 21;
    static final int WIDTH = 22;

    static final int NO_DETAIL = -1;
    private static final int INITIAL_ROWS = 1024;

    private final int maxFlows;
    private final FlowIndex index;
    private long[] ids;
    private long[] cells;
    private int[] groups;
    private int[] details;
    private int rows;

    FlowCounters(int maxFlows) {
        this.maxFlows = maxFlows;
        int initial = Math.min(maxFlows, INITIAL_ROWS);
        index = new FlowIndex(initial);
        ids = new long[initial];
        cells = new long[initial * WIDTH];
        groups = new int[initial * GroupBys.COUNT];
        details = new int[initial];
    }

    /** The row of a flow, or -1. */
    int row(long flowId) {
        return index.get(flowId);
    }

    /** Adds a row for a new flow, or returns -1 when {@code maxFlows} rows exist. */
    int addFlow(long flowId, long nowMillis) {
        if (rows == maxFlows) {
            return -1;
        }
        if (rows == ids.length) {
            grow();
        }
        int row = rows++;
        ids[row] = flowId;
        details[row] = NO_DETAIL;
        cells[row * WIDTH + FIRST_SEEN] = nowMillis;
        cells[row * WIDTH + LAST_SEEN] = nowMillis;
        index.put(flowId, row);
        return row;
    }

    int rows() {
        return rows;
    }

    long flowId(int row) {
        return ids[row];
    }

    long get(int row, int column) {
        return cells[row * WIDTH + column];
    }

    void add(int row, int column, long amount) {
        cells[row * WIDTH + column] += amount;
    }

    void set(int row, int column, long value) {
        cells[row * WIDTH + column] = value;
    }

    void max(int row, int column, long value) {
        int i = row * WIDTH + column;
        if (value > cells[i]) {
            cells[i] = value;
        }
    }

    int group(int row, int dimension) {
        return groups[row * GroupBys.COUNT + dimension];
    }

    void setGroup(int row, int dimension, int group) {
        groups[row * GroupBys.COUNT + dimension] = group;
    }

    int detail(int row) {
        return details[row];
    }

    void setDetail(int row, int detail) {
        details[row] = detail;
    }

    /**
     * Closes the current minute of every row: its counts become the previous minute's, or zero
     * when more than one minute passed (the previous complete minute then had no traffic).
     */
    void rollMinute(long minutesPassed) {
        for (int r = 0; r < rows; r++) {
            int b = r * WIDTH;
            boolean adjacent = minutesPassed == 1;
            cells[b + PREV_BYTES] = adjacent ? cells[b + MINUTE_BYTES] : 0;
            cells[b + PREV_EXCHANGES] = adjacent ? cells[b + MINUTE_EXCHANGES] : 0;
            cells[b + PREV_LATENCY_SUM] = adjacent ? cells[b + MINUTE_LATENCY_SUM] : 0;
            cells[b + PREV_LATENCY_COUNT] = adjacent ? cells[b + MINUTE_LATENCY_COUNT] : 0;
            cells[b + MINUTE_BYTES] = 0;
            cells[b + MINUTE_EXCHANGES] = 0;
            cells[b + MINUTE_LATENCY_SUM] = 0;
            cells[b + MINUTE_LATENCY_COUNT] = 0;
        }
    }

    long heapBytes() {
        return 8L * (ids.length + cells.length) + 4L * (groups.length + details.length) + index.heapBytes();
    }

    /** Worst case at {@code flows} rows: arrays of that length plus the index at its largest. */
    static long heapBytesAt(int flows) {
        int indexSlots = Integer.highestOneBit(Math.max(16, flows * 2 - 1)) << 1;
        return flows * (8L + 8L * WIDTH + 4L * GroupBys.COUNT + 4L) + 12L * indexSlots;
    }

    private void grow() {
        int capacity = (int) Math.min(maxFlows, 2L * ids.length);
        ids = Arrays.copyOf(ids, capacity);
        cells = Arrays.copyOf(cells, capacity * WIDTH);
        groups = Arrays.copyOf(groups, capacity * GroupBys.COUNT);
        details = Arrays.copyOf(details, capacity);
    }
}
