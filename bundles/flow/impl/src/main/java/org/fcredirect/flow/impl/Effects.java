package org.fcredirect.flow.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fcredirect.flow.api.Flow;

/**
 * What applying changes did to which flows: the slots whose state, decision, appliance or FCIDs
 * changed (each once, with the state and appliance it had before), and the flows deleted. The flow manager
 * turns them into rule batches and listener events. During replay nothing is recorded.
 */
final class Effects {
    /** Previous state of a slot created by the changes. */
    static final byte CREATED = -2;

    private final boolean recording;
    private final boolean keepDeletedFlows;
    private final LongLongMap positionBySlot = new LongLongMap();
    private int[] slots = new int[16];
    private byte[] previous = new byte[16];
    private int[] previousAppliance = new int[16];
    private int size;
    private final List<Long> deletedIds = new ArrayList<>();
    private final List<Flow> deletedFlows = new ArrayList<>();

    private Effects(boolean recording, boolean keepDeletedFlows) {
        this.recording = recording;
        this.keepDeletedFlows = keepDeletedFlows;
    }

    /** @param keepDeletedFlows keep the last value of deleted flows, for listeners */
    static Effects recording(boolean keepDeletedFlows) {
        return new Effects(true, keepDeletedFlows);
    }

    static Effects ignored() {
        return new Effects(false, false);
    }

    boolean keepsDeletedFlows() {
        return keepDeletedFlows;
    }

    /**
     * Records a slot as touched; the first previous state and appliance recorded for it stay.
     *
     * @param previousAppliance the name index of the appliance it passed through, or {@link NameTable#NONE}
     */
    void touch(int slot, byte previousState, int previousAppliance) {
        if (!recording || positionBySlot.containsKey(slot)) {
            return;
        }
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            previous = Arrays.copyOf(previous, size * 2);
            this.previousAppliance = Arrays.copyOf(this.previousAppliance, size * 2);
        }
        positionBySlot.put(slot, size);
        slots[size] = slot;
        previous[size] = previousState;
        this.previousAppliance[size] = previousAppliance;
        size++;
    }

    /**
     * Records a deleted flow. Its slot leaves the touched ones (a change can apply another node's
     * create and delete of one flow while it waits for the log): a flow created into the slot
     * later is touched anew.
     */
    void deleted(long id, int slot, Flow lastValue) {
        if (!recording) {
            return;
        }
        long position = positionBySlot.remove(slot);
        if (position != LongLongMap.MISSING) {
            int p = (int) position;
            size--;
            if (p != size) {
                slots[p] = slots[size];
                previous[p] = previous[size];
                previousAppliance[p] = previousAppliance[size];
                positionBySlot.put(slots[p], p);
            }
        }
        deletedIds.add(id);
        if (lastValue != null) {
            deletedFlows.add(lastValue);
        }
    }

    int touchedCount() {
        return size;
    }

    int slot(int i) {
        return slots[i];
    }

    /** The state before the changes, or {@link #CREATED}. */
    byte previousState(int i) {
        return previous[i];
    }

    /** The name index of the appliance before the changes, or {@link NameTable#NONE}. */
    int previousAppliance(int i) {
        return previousAppliance[i];
    }

    List<Long> deletedIds() {
        return deletedIds;
    }

    List<Flow> deletedFlows() {
        return deletedFlows;
    }

    boolean isEmpty() {
        return size == 0 && deletedIds.isEmpty();
    }
}
