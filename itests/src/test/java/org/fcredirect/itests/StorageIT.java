package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** The storage feature in the assembly: commands, MBean, and data that outlives a bundle restart. */
public class StorageIT extends FcrTestSupport {

    @Test
    public void eventsAndStatusThroughTheCommandProcessor() throws Exception {
        EventLog log = service(EventLog.class);
        long first = append(log, "itest-a", "created", "{\"flow\":1}").sequence();
        append(log, "itest-b", "binary", new String(new char[] {1, 2, 3}));
        long last = append(log, "itest-a", "deleted", "{\"flow\":1}").sequence();

        String table = execute("fcr:events --from " + first + " -n 20");
        assertTrue(table, table.contains("itest-a") && table.contains("itest-b") && table.contains("{\"flow\":1}"));
        assertTrue(table, table.contains("0x010203"));

        String onlyA = execute("fcr:events --stream itest-a --json");
        assertTrue(onlyA, onlyA.contains("\"sequence\":" + first) && onlyA.contains("\"sequence\":" + last));
        assertTrue(onlyA, !onlyA.contains("itest-b"));

        String fromLast = execute("fcr:events --from " + last + " --json");
        assertTrue(fromLast, fromLast.startsWith("[{\"sequence\":" + last + ","));

        String status = execute("fcr:storage");
        assertTrue(status, status.contains("fsync"));
        assertTrue(status, status.contains("fcr/eventlog"));
        // other services append too (the monitor logs health transitions): the log is at least this far
        long shownLast = Long.parseLong(status.replaceAll("(?s).*sequences\\s*\\|\\s*\\d+\\.\\.(\\d+).*", "$1"));
        assertTrue(status, shownLast >= last);
        String json = execute("fcr:storage --json");
        long jsonLast = Long.parseLong(json.replaceAll("(?s).*\"last_sequence\":(\\d+).*", "$1"));
        assertTrue(json, jsonLast >= last);
        assertTrue(json, json.contains("\"faulted\":false"));
    }

    @Test
    public void badArgumentsGetOneClearLine() {
        assertRejected("fcr:events -n 0", "-n 0");
        assertRejected("fcr:events -n 100000", "-n 100000");
        assertRejected("fcr:events --from -7", "--from -7");
        assertRejected("fcr:events --stream Bad/Name", "Bad/Name");
    }

    @Test
    public void mbeanShowsTheSameFigures() throws Exception {
        EventLog log = service(EventLog.class);
        long last = append(log, "itest-jmx", "ping", "{}").sequence();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.fcredirect:type=Storage");
        await("MBean registered", () -> server.isRegistered(name));
        assertTrue((Long) server.getAttribute(name, "LastSequence") >= last);
        assertEquals("FSYNC", server.getAttribute(name, "Durability"));
        assertEquals(Boolean.FALSE, server.getAttribute(name, "Faulted"));
    }

    @Test
    public void eventsSurviveARestartOfTheStorageBundle() throws Exception {
        EventLog before = service(EventLog.class);
        List<Appended> appended = before.appendAll(List.of(
                NewEvent.of("itest-restart", "one", "1".getBytes(StandardCharsets.UTF_8)),
                NewEvent.of("itest-restart", "two", "2".getBytes(StandardCharsets.UTF_8)))).get(10, TimeUnit.SECONDS);

        Bundle impl = bundle("org.fcredirect.storage-impl");
        impl.stop();
        impl.start();
        await("storage impl active", () -> impl.getState() == Bundle.ACTIVE);

        EventLog after = service(EventLog.class);
        List<StoredEvent> events = after.read(StreamFilter.of("itest-restart"), 0, 10).events();
        assertEquals(2, events.size());
        assertEquals(appended.get(0).sequence(), events.get(0).sequence());
        assertEquals("two", events.get(1).type());
        assertEquals("2", new String(events.get(1).payload(), StandardCharsets.UTF_8));
        long next = append(after, "itest-restart", "three", "3").sequence();
        // other services append too: the whole log, not this stream, must have no gap
        List<StoredEvent> all = after.read(StreamFilter.all(), appended.get(0).sequence(), 10_000).events();
        for (int i = 1; i < all.size(); i++) {
            assertEquals("gapless across the restart", all.get(i - 1).sequence() + 1, all.get(i).sequence());
        }
        assertTrue(all.stream().anyMatch(e -> e.sequence() == next));
        String out = execute("fcr:events --stream itest-restart --json");
        assertTrue(out, out.contains("\"type\":\"three\""));
    }

    private static Appended append(EventLog log, String stream, String type, String payload) throws Exception {
        return log.append(stream, type, payload.getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
    }
}
