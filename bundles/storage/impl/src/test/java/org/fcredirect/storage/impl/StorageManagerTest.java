package org.fcredirect.storage.impl;

import static org.fcredirect.storage.impl.AppendAndReadTest.assertMessage;
import static org.fcredirect.storage.impl.TestLogs.append;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.fcredirect.flow.testkit.SettingsProxy;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component built by hand, with configurations made the way SCR hands them over. */
class StorageManagerTest {
    @TempDir
    Path tmp;

    private final StorageManager manager = new StorageManager(FileEventLog::open, null);

    @AfterEach
    void deactivate() {
        manager.deactivate();
    }

    /** A {@link StorageConfig} answering from {@code values}, else from the annotation's defaults. */
    static StorageConfig config(Map<String, Object> values) {
        return SettingsProxy.of(StorageConfig.class, values);
    }

    private Map<String, Object> values(String dirName) {
        Map<String, Object> v = new HashMap<>();
        v.put("directory", tmp.resolve(dirName).toString());
        v.put("segmentSizeBytes", LogSettings.MIN_SEGMENT_BYTES);
        return v;
    }

    @Test
    void activatesOnTheConfiguredDirectoryAndServesTheLog() {
        Map<String, Object> v = values("log");
        v.put("durability", "Batch");
        manager.activate(config(v), v);
        assertEquals(1, append(manager, "flow", "created", "x"));
        assertEquals(1, manager.read(StreamFilter.all(), 1, 10).events().size());
        assertEquals(DurabilityMode.BATCH, manager.status().durability());
        assertEquals(tmp.resolve("log").toString(), manager.status().details().get("directory"));
    }

    @Test
    void anEmptyDirectoryMeansTheDefaultOne() {
        StorageManager m = new StorageManager(FileEventLog::open, tmp.resolve("default"));
        Map<String, Object> v = new HashMap<>();
        m.activate(config(v), v);
        try {
            assertEquals(tmp.resolve("default").toString(), m.status().details().get("directory"));
        } finally {
            m.deactivate();
        }
    }

    @Test
    void anInvalidConfigurationIsRejectedNamingKeyValueAndRule() {
        assertRejected("segmentSizeBytes", 1024L, "segmentSizeBytes=1024", "between 2097152");
        assertRejected("durability", "sometimes", "durability=sometimes", "fsync, batch, none");
        assertRejected("groupCommitMaxEvents", 0, "groupCommitMaxEvents=0", "between 1 and 65535");
        assertRejected("groupCommitMaxMicros", -1L, "groupCommitMaxMicros=-1", "between 0 and 1000000");
        assertRejected("directory", "relative/dir", "directory=relative/dir", "absolute");
        assertRejected("segmentSizeBytes", new IllegalArgumentException("not a long"), "segmentSizeBytes", "whole number");
    }

    private void assertRejected(String key, Object value, String... parts) {
        Map<String, Object> v = values("rejected");
        v.put(key, value);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> manager.activate(config(v), v));
        assertEquals(key, e.key());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage() + " should mention " + p);
        }
        assertMessage(() -> manager.lastSequence(), "not active");
    }

    @Test
    void durabilityAndGroupCommitApplyLiveAndABadChangeKeepsTheRunningSettings() {
        Map<String, Object> v = values("live");
        manager.activate(config(v), v);
        append(manager, "flow", "t", "a");
        v.put("durability", "none");
        v.put("groupCommitMaxEvents", 16);
        manager.modified(config(v), v);
        assertEquals(DurabilityMode.NONE, manager.status().durability());
        assertEquals("16", manager.status().details().get("groupCommitMaxEvents"));
        assertEquals(2, append(manager, "flow", "t", "b"), "same log, no reopen");

        Map<String, Object> bad = new HashMap<>(v);
        bad.put("durability", "fsync");
        bad.put("segmentSizeBytes", 5L);
        manager.modified(config(bad), bad);
        assertEquals(DurabilityMode.NONE, manager.status().durability(), "nothing of a rejected change applies");
    }

    @Test
    void aNewDirectoryOpensAnotherLogAndReleasesTheOldOne() throws Exception {
        Map<String, Object> v = values("first");
        manager.activate(config(v), v);
        append(manager, "flow", "t", "in-first");
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<StorageException> reason = new AtomicReference<>();
        manager.subscribe(StreamFilter.all(), 1, new Subscriber() {
            @Override
            public void onEvent(StoredEvent event) {
            }

            @Override
            public void onError(StorageException error) {
                reason.set(error);
                ended.countDown();
            }
        });
        v.put("directory", tmp.resolve("second").toString());
        manager.modified(config(v), v);
        assertEquals(0, manager.lastSequence(), "a fresh log");
        assertEquals(1, append(manager, "flow", "t", "in-second"));
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertTrue(reason.get().getMessage().contains("closed"), reason.get().getMessage());
        try (FileEventLog old = TestLogs.open(tmp.resolve("first"))) {
            assertEquals(1, old.lastSequence(), "the old directory is free and intact");
        }
    }

    @Test
    void aDirectoryThatCannotBeOpenedKeepsTheRunningLog() {
        Map<String, Object> v = values("running");
        manager.activate(config(v), v);
        try (FileEventLog blocker = TestLogs.open(tmp.resolve("taken"))) {
            v.put("directory", tmp.resolve("taken").toString());
            manager.modified(config(v), v);
            assertEquals(tmp.resolve("running").toString(), manager.status().details().get("directory"));
            assertEquals(1, append(manager, "flow", "t", "still-here"));
            assertEquals(0, blocker.lastSequence());
        }
    }

    @Test
    void afterDeactivationCallsFailClearly() {
        Map<String, Object> v = values("gone");
        manager.activate(config(v), v);
        manager.deactivate();
        assertMessage(() -> manager.append("flow", "t", new byte[0]), "not active");
    }
}
