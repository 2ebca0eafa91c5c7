package org.fcredirect.audit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.junit.jupiter.api.Test;

class AuditingForwarderTest {

    public interface KnobMBean {
        int getLevel();

        void setLevel(int level);

        void reset(String reason);

        void explode();
    }

    public static final class Knob implements KnobMBean {
        int level;

        @Override
        public int getLevel() {
            return level;
        }

        @Override
        public void setLevel(int level) {
            this.level = level;
        }

        @Override
        public void reset(String reason) {
            level = 0;
        }

        @Override
        public void explode() {
            throw new IllegalStateException("boom");
        }
    }

    static final class RecordingAudit implements AuditService {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> recent(int limit, Optional<String> user) {
            return entries;
        }
    }

    @Test
    void recordsStateChangingCallsAsTheCallingUserAndLetsReadsThrough() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName knob = new ObjectName("test:type=Knob");
        server.registerMBean(new StandardMBean(new Knob(), KnobMBean.class), knob);
        RecordingAudit audit = new RecordingAudit();
        MBeanServerForwarder forwarder = AuditingForwarder.create(audit, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        forwarder.setMBeanServer(server);
        Subject alice = new Subject();
        alice.getPrincipals().add(new UserPrincipal("alice"));
        alice.getPrincipals().add(new ClientPrincipal("jmx", "127.0.0.1"));

        as(alice, () -> {
            forwarder.setAttribute(knob, new Attribute("Level", 7));
            forwarder.getAttribute(knob, "Level");
            forwarder.invoke(knob, "reset", new Object[] {"maintenance"}, new String[] {String.class.getName()});
            assertThrows(Exception.class, () -> forwarder.invoke(knob, "explode", null, null));
            return null;
        });

        assertEquals(List.of(
                new AuditEntry(Instant.EPOCH, "alice", AuditOrigin.RMI, "setAttribute test:type=Knob Level", List.of("7"), AuditOutcome.OK),
                new AuditEntry(Instant.EPOCH, "alice", AuditOrigin.RMI, "invoke test:type=Knob reset", List.of("maintenance"), AuditOutcome.OK),
                new AuditEntry(Instant.EPOCH, "alice", AuditOrigin.RMI, "invoke test:type=Knob explode", List.of(), AuditOutcome.FAILED)),
                audit.entries);

        AuditingForwarder.disable(forwarder);
        forwarder.invoke(knob, "reset", new Object[] {"again"}, new String[] {String.class.getName()});
        assertEquals(3, audit.entries.size(), "a disabled forwarder only forwards");
    }

    @SuppressWarnings("removal")
    private static void as(Subject subject, PrivilegedExceptionAction<Object> action) throws Exception {
        Subject.doAs(subject, action);
    }
}
