package org.fcredirect.fastpath.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Open exchanges: every field of an entry comes back as opened, and a full table gives way in order. */
class ExchangeTableTest {
    static final long KEY = Keys.pack(7, 0x010001, 0x020001);

    @Test
    void anEntryKeepsEveryFieldToTheLastBit() {
        ExchangeTable t = new ExchangeTable(16);
        t.open(KEY, 0xFFFF, 123_456_789L, 42, 0x0001_0000_0000_0000L, 0xFFFF_FFFFL, true, false);
        int x = t.find(KEY, 0xFFFF);
        assertTrue(x >= 0);
        assertEquals(123_456_789L, t.started(x));
        assertEquals(42, t.flow(x));
        assertEquals(0x0001_0000_0000_0000L, t.lun(x));
        assertEquals(0xFFFF_FFFFL, t.dataLength(x));
        assertTrue(t.write(x));
        assertTrue(t.timed(x));
        assertEquals(1, t.open());
        assertEquals(-1, t.find(KEY, 0xFFFE), "another OX_ID is another exchange");
        assertEquals(-1, t.find(KEY + 1, 0xFFFF), "another address pair is another exchange");

        t.complete(x);
        assertEquals(-1, t.find(KEY, 0xFFFF));
        assertEquals(0, t.open());
    }

    @Test
    void aRoutingOnlyEntryIsNotTimedNorCountedOpen() {
        ExchangeTable t = new ExchangeTable(16);
        t.open(KEY, 1, 5, 9, 0, 0, false, true);
        int x = t.find(KEY, 1);
        assertFalse(t.timed(x));
        assertFalse(t.write(x));
        assertEquals(0, t.open());
    }

    @Test
    void aFullTableEvictsRoutingOnlyEntriesFirstThenTheOldestAndCountsOnlyTimedOnes() {
        ExchangeTable t = new ExchangeTable(2);
        int opened = 0;
        for (int ox = 0; ox < 64; ox++) {
            t.open(KEY, ox, 1_000 + ox, 1, 0, 0, false, ox == 0);
            opened += ox == 0 ? 0 : 1;
        }
        assertTrue(t.evicted() > 0, "a table of two buckets cannot hold 64 exchanges");
        assertEquals(opened - t.evicted(), t.open(), "every timed exchange is open or counted as evicted");
        assertEquals(-1, t.find(KEY, 0), "the routing-only entry gave way first");
        assertTrue(t.find(KEY, 63) >= 0, "the newest stays");

        t.clear();
        assertEquals(0, t.open());
        assertEquals(-1, t.find(KEY, 63));
    }
}
