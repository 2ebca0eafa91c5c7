package org.fcredirect.audit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    static AuditConfig capacity(int capacity) {
        return new AuditConfig() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditConfig.class;
            }
        };
    }

    static AuditEntry entry(String user, String action) {
        return new AuditEntry(Instant.EPOCH, user, AuditOrigin.SSH, action, List.of(), AuditOutcome.OK);
    }

    @Test
    void keepsTheMostRecentEntriesOldestFirstAndFiltersByUser() {
        AuditLog log = new AuditLog(capacity(3));
        log.record(entry("alice", "a1"));
        log.record(entry("bob", "b1"));
        log.record(entry("alice", "a2"));
        log.record(entry("alice", "a3"));
        assertEquals(List.of("b1", "a2", "a3"), actions(log.recent(10, Optional.empty())));
        assertEquals(List.of("a2", "a3"), actions(log.recent(10, Optional.of("alice"))));
        assertEquals(List.of("a3"), actions(log.recent(1, Optional.empty())));
    }

    @Test
    void aSmallerCapacityDropsTheOldestAtOnce() {
        AuditLog log = new AuditLog(capacity(5));
        for (int i = 0; i < 5; i++) {
            log.record(entry("alice", "a" + i));
        }
        log.modified(capacity(2));
        assertEquals(List.of("a3", "a4"), actions(log.recent(10, Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> log.modified(capacity(0)));
        assertThrows(IllegalArgumentException.class, () -> log.modified(capacity(AuditRing.MAX_CAPACITY + 1)));
        assertThrows(IllegalArgumentException.class, () -> log.recent(0, Optional.empty()));
    }

    private static List<String> actions(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::action).toList();
    }
}
