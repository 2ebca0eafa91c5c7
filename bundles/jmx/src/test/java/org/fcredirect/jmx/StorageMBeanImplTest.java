package org.fcredirect.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;

class StorageMBeanImplTest {

    @Test
    void registersUnderTheFcrDomainAndReadsTheLogsStatus() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        InMemoryEventLog log = new InMemoryEventLog();
        log.append("flow", "created", new byte[3]).get();
        StorageMBeanImpl mbean = new StorageMBeanImpl();
        mbean.log = log;
        mbean.server = server;
        mbean.activate();
        ObjectName name = new ObjectName("org.fcredirect:type=Storage");
        assertTrue(server.isRegistered(name));
        assertEquals(1L, server.getAttribute(name, "LastSequence"));
        assertEquals(false, server.getAttribute(name, "Faulted"));
        assertTrue(((String) server.invoke(name, "compact", null, null)).contains("eventsRemoved"));
        mbean.deactivate();
        assertFalse(server.isRegistered(name));
    }

    @Test
    void replacesAStaleRegistrationLeftBehind() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        StorageMBeanImpl stale = new StorageMBeanImpl();
        stale.log = new InMemoryEventLog();
        stale.server = server;
        stale.activate();
        StorageMBeanImpl fresh = new StorageMBeanImpl();
        InMemoryEventLog log = new InMemoryEventLog();
        log.append("flow", "created", new byte[1]).get();
        log.append("flow", "created", new byte[1]).get();
        fresh.log = log;
        fresh.server = server;
        fresh.activate();
        assertEquals(2L, server.getAttribute(new ObjectName("org.fcredirect:type=Storage"), "LastSequence"));
    }
}
