package org.fcredirect.storage.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApiValuesTest {
    private static void assertMessage(Runnable call, String... parts) {
        StorageException e = assertThrows(StorageException.class, call::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void namesFollowTheRule() {
        for (String ok : List.of("flow", "a", "policy.v2", "x_y-z", "a" + "b".repeat(63))) {
            assertEquals(ok, EventRules.checkName("stream", ok));
        }
        for (String bad : List.of("", "Flow", "1flow", ".flow", "flow space", "fl/ow", "a".repeat(65), "é")) {
            assertMessage(() -> EventRules.checkName("stream", bad), "stream name", EventRules.NAME_RULE);
        }
        assertMessage(() -> EventRules.checkName("event type", null), "event type name is missing");
    }

    @Test
    void aNewEventIsValidatedAndCopied() {
        byte[] p = {1, 2, 3};
        NewEvent e = NewEvent.of("flow", "created", p);
        p[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, e.payload());
        e.payload()[1] = 9;
        assertEquals(2, e.payloadBuffer().get(1));
        assertMessage(() -> NewEvent.of("flow", "t", new byte[EventRules.MAX_PAYLOAD_BYTES + 1]),
                "1048577 bytes", "limit is 1048576");
        assertMessage(() -> NewEvent.of("flow", "t", null), "missing");
        assertEquals(NewEvent.of("a", "b", new byte[] {1}), NewEvent.of("a", "b", new byte[] {1}));
    }

    @Test
    void appendAllListsAreCheckedInOnePlaceForEveryBackend() {
        NewEvent e = NewEvent.of("flow", "t", new byte[0]);
        assertEquals(List.of(e), EventRules.checkAppendAll(List.of(e)));
        assertMessage(() -> EventRules.checkAppendAll(null), "at least one event");
        assertMessage(() -> EventRules.checkAppendAll(List.of()), "at least one event");
        assertMessage(() -> EventRules.checkAppendAll(Collections.nCopies(EventRules.MAX_EVENTS_PER_APPEND + 1, e)),
                "65536 events", "split it");
        assertMessage(() -> EventRules.checkAppendAll(Arrays.asList(e, null)), "event 1 of 2 is null");
    }

    @Test
    void aStoredEventCopiesItsPayloadOutAndConvertsItsTimestamp() {
        StoredEvent e = StoredEvent.of(5, 1_700_000_000_123_456L, "flow", "t", new byte[] {7});
        e.payload()[0] = 0;
        assertEquals(7, e.payload()[0]);
        assertEquals(Instant.parse("2023-11-14T22:13:20.123456Z"), e.timestamp());
        assertEquals(e, StoredEvent.of(5, 1_700_000_000_123_456L, "flow", "t", new byte[] {7}));
    }

    @Test
    void durabilityParsesInAnyCase() {
        assertEquals(DurabilityMode.FSYNC, DurabilityMode.parse(" FSync "));
        assertEquals(DurabilityMode.NONE, DurabilityMode.parse("none"));
        assertFalse(DurabilityMode.NONE.durable());
        assertMessage(() -> DurabilityMode.parse("always"), "'always'", "fsync, batch, none");
        assertMessage(() -> DurabilityMode.parse(null), "'null'");
    }

    @Test
    void aFilterSelectsItsStreamsOrAll() {
        assertTrue(StreamFilter.all().matches("anything"));
        StreamFilter f = StreamFilter.of("flow", "policy");
        assertTrue(f.matches("policy"));
        assertFalse(f.matches("config"));
        assertMessage(() -> StreamFilter.of("flow", "BAD"), "'BAD'");
    }

    @Test
    void statusShoutsWhenEventsAreNotDurable() {
        StorageStatus none = StorageStatus.builder("test", DurabilityMode.NONE).warning("other").build();
        assertTrue(none.warnings().get(0).startsWith("DURABILITY IS NONE"));
        assertEquals("other", none.warnings().get(1));
        StorageStatus fsync = StorageStatus.builder("test", DurabilityMode.FSYNC).detail("k", 1).build();
        assertTrue(fsync.warnings().isEmpty());
        assertEquals("1", fsync.details().get("k"));
        assertThrows(UnsupportedOperationException.class, () -> fsync.details().put("x", "y"));
    }

    @Test
    void aSnapshotIsValidatedAndCopied() {
        byte[] data = {1};
        Snapshot s = new Snapshot("flow", 3, Instant.EPOCH, data);
        data[0] = 2;
        assertEquals(1, s.data()[0]);
        assertMessage(() -> new Snapshot("flow", -1, Instant.EPOCH, data), "-1 is negative");
    }
}
