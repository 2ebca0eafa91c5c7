package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EffectsTest {
    private static Map<Integer, Byte> touched(Effects e) {
        Map<Integer, Byte> m = new HashMap<>();
        for (int i = 0; i < e.touchedCount(); i++) {
            m.put(e.slot(i), e.previousState(i));
        }
        return m;
    }

    @Test
    void aDeletedFlowsSlotIsNoLongerTouchedAndAFlowCreatedIntoItLaterIs() {
        Effects e = Effects.recording(false);
        e.touch(3, Effects.CREATED, NameTable.NONE);
        e.touch(5, (byte) 1, NameTable.NONE);
        e.touch(7, (byte) 2, NameTable.NONE);
        e.deleted(30, 3, null);
        assertEquals(Map.of(5, (byte) 1, 7, (byte) 2), touched(e), "created and deleted within the same changes");
        e.deleted(90, 9, null);
        assertEquals(2, e.touchedCount(), "a slot never touched");
        e.deleted(70, 7, null);
        assertEquals(Map.of(5, (byte) 1), touched(e), "the last one");
        e.touch(3, Effects.CREATED, NameTable.NONE);
        e.touch(5, (byte) 4, NameTable.NONE);
        assertEquals(Map.of(3, Effects.CREATED, 5, (byte) 1), touched(e), "the first previous state stays");
        assertEquals(List.of(30L, 90L, 70L), e.deletedIds());
    }
}
