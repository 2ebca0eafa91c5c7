package org.fcredirect.shell.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fcredirect.shell.CapturedStdout;
import org.fcredirect.storage.api.HistoryImportResult;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StorageCommandsTest {
    private final InMemoryEventLog log = new InMemoryEventLog();
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    private String printed() {
        return stdout.printed();
    }

    private void append(String stream, String type, byte[] payload) throws Exception {
        log.append(stream, type, payload).get();
    }

    private EventsCommand events() {
        EventsCommand c = new EventsCommand();
        c.log = log;
        return c;
    }

    @Test
    void showsTheNewestEventsLastWithTextAndHexPayloads() throws Exception {
        for (int i = 1; i <= 30; i++) {
            append("flow", "created", ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        append("policy", "added", new byte[] {0, 1, 2, (byte) 0xff});
        EventsCommand c = events();
        c.count = 3;
        c.execute();
        String table = printed();
        assertTrue(table.contains("{\"id\":29}") && table.contains("{\"id\":30}") && table.contains("0x000102ff"), table);
        assertTrue(!table.contains("{\"id\":28}"), table);
    }

    @Test
    void filtersByStreamAndKeepsThatStreamsNewest() throws Exception {
        append("flow", "created", "a".getBytes(StandardCharsets.UTF_8));
        append("policy", "added", "p".getBytes(StandardCharsets.UTF_8));
        append("flow", "deleted", "b".getBytes(StandardCharsets.UTF_8));
        append("policy", "removed", "q".getBytes(StandardCharsets.UTF_8));
        EventsCommand c = events();
        c.streams = List.of("flow");
        c.count = 1;
        c.json = true;
        c.execute();
        assertEquals("[{\"sequence\":3,", printed().substring(0, "[{\"sequence\":3,".length()), printed());
        assertTrue(printed().contains("\"payload\":\"b\""), printed());
        assertTrue(!printed().contains("payload_hex"), "a text payload is not given in hex too: " + printed());
    }

    @Test
    void readsFromASequence() throws Exception {
        for (int i = 0; i < 5; i++) {
            append("flow", "created", new byte[] {(byte) i});
        }
        EventsCommand c = events();
        c.from = 4;
        c.json = true;
        c.execute();
        assertTrue(printed().startsWith("[{\"sequence\":4,") && printed().contains("\"sequence\":5") && printed().contains("payload_hex"), printed());
        assertTrue(!printed().contains("\"payload\":"), "a binary payload is given in hex only: " + printed());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        EventsCommand zero = events();
        zero.count = 0;
        assertTrue(assertThrows(IllegalArgumentException.class, zero::execute).getMessage().contains("-n 0"));
        EventsCommand negative = events();
        negative.from = -3;
        assertTrue(assertThrows(IllegalArgumentException.class, negative::execute).getMessage().contains("--from -3"));
        EventsCommand badStream = events();
        badStream.streams = List.of("No Such!");
        assertTrue(assertThrows(StorageException.class, badStream::execute).getMessage().contains("No Such!"));
    }

    @Test
    void statusShowsDurabilityAndSequences() throws Exception {
        append("flow", "created", new byte[1]);
        StorageCommand c = new StorageCommand();
        c.log = log;
        c.execute();
        assertTrue(printed().contains("sequences") && printed().contains("1..1"), printed());
        Map<String, Object> json = StorageCommand.toJson(log.status());
        assertEquals(1L, json.get("last_sequence"));
        assertEquals(false, json.get("faulted"));
    }

    @Test
    void payloadPreviewTellsTextFromBinary() {
        assertEquals("{\"a\":1}", PayloadPreview.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("0x00ff", PayloadPreview.of(new byte[] {0, (byte) 0xff}));
        assertTrue(PayloadPreview.of(new byte[40]).endsWith("..."));
        assertTrue(!PayloadPreview.isText(new byte[] {(byte) 0xc3}));
    }

    @Test
    void migrateSaysWhichServiceIsMissingPrintsProgressAndTheResultAndPassesErrorsOn() {
        StorageMigrateCommand c = new StorageMigrateCommand();
        c.directory = "/old/data/fcr/eventlog";
        IllegalStateException missing = assertThrows(IllegalStateException.class, c::execute);
        assertTrue(missing.getMessage().contains("feature fcr-storage-kafka"), missing.getMessage());

        c.historyImport = (source, progress) -> {
            progress.accept("copied 4096 events, up to source sequence 4096 of 5000");
            return new HistoryImportResult(source, 5000, List.of("flow", "policy"), 1, 5002, Duration.ofMillis(1234));
        };
        c.execute();
        assertEquals(List.of("copied 4096 events, up to source sequence 4096 of 5000",
                "Migrated: copied 5000 events of 2 streams [flow, policy] and 1 snapshots from /old/data/fcr/eventlog"
                        + " in 1234 ms (last sequence here 5002)"), printed().lines().toList());

        c.historyImport = (source, progress) -> {
            throw new StorageException("the Kafka history fcr.history is not empty (it holds sequences up to 9)");
        };
        StorageException refused = assertThrows(StorageException.class, c::execute);
        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
    }
}
