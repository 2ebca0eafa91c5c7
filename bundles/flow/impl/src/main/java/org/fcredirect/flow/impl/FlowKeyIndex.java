package org.fcredirect.flow.impl;

/**
 * Finds a flow's slot by its identity (VSAN, initiator, target, LUN), to refuse duplicates: an
 * open-addressing table of slot numbers whose keys live in {@link FlowColumns}. Load factor at
 * most 1/2, backward-shift deletion. Not thread-safe.
 */
final class FlowKeyIndex {
    private final FlowColumns columns;
    /** slot + 1; 0 is empty. */
    private int[] table;
    private int mask;
    private int size;

    FlowKeyIndex(FlowColumns columns, int expected) {
        this.columns = columns;
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        table = new int[capacity];
        mask = capacity - 1;
    }

    private static int hash(int vsan, long initiator, long target, int lun) {
        long h = initiator * 0x9E3779B97F4A7C15L;
        h = (h ^ target) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ ((long) vsan << 16 | lun & 0xFFFF)) * 0x165667B19E3779F9L;
        return (int) (h ^ h >>> 32);
    }

    private int home(int slot) {
        return hash(columns.vsan[slot], columns.initiator[slot], columns.target[slot], columns.lun[slot]) & mask;
    }

    /** The slot of the flow with this identity, or -1. */
    int find(int vsan, long initiator, long target, int lun) {
        for (int i = hash(vsan, initiator, target, lun) & mask; table[i] != 0; i = i + 1 & mask) {
            int s = table[i] - 1;
            if (columns.vsan[s] == vsan && columns.initiator[s] == initiator && columns.target[s] == target
                    && columns.lun[s] == lun) {
                return s;
            }
        }
        return -1;
    }

    void add(int slot) {
        int i = home(slot);
        while (table[i] != 0) {
            i = i + 1 & mask;
        }
        table[i] = slot + 1;
        if (++size * 2 > table.length) {
            int[] old = table;
            allocate(old.length * 2);
            size = 0;
            for (int s : old) {
                if (s != 0) {
                    add(s - 1);
                }
            }
        }
    }

    void remove(int slot) {
        int i = home(slot);
        while (table[i] != slot + 1) {
            if (table[i] == 0) {
                return;
            }
            i = i + 1 & mask;
        }
        int gap = i;
        for (int j = gap + 1 & mask; table[j] != 0; j = j + 1 & mask) {
            int h = home(table[j] - 1);
            if ((j - h & mask) >= (j - gap & mask)) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = 0;
        size--;
    }

    void clear(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
        size = 0;
    }
}
