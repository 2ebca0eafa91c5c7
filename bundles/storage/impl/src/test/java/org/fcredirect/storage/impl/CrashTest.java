package org.fcredirect.storage.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fcredirect.storage.api.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends with durability fsync (SIGKILL, mid-stream) and checks that every
 * event it was told was stored is there, intact, with no gap and no duplicate.
 */
class CrashTest {
    private static final int THREADS = 4;
    private static final int ACKS_BEFORE_KILL = 5000;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedEventSurvivesSigkill() throws Exception {
        Path dir = tmp.resolve("log");
        Path stderr = tmp.resolve("child-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.toString(), Integer.toString(THREADS))
                .redirectError(stderr.toFile())
                .start();
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                while (acknowledged.size() < ACKS_BEFORE_KILL) {
                    String line = out.readLine();
                    assertTrue(line != null, () -> "child ended early: " + childErrors(stderr));
                    record(acknowledged, line);
                }
            }, () -> "child acknowledged only " + acknowledged.size() + ": " + childErrors(stderr));
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
            // lines already in the pipe were printed after their acknowledgement too
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                record(acknowledged, line);
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (FileEventLog log = TestLogs.open(dir)) {
            long last = log.lastSequence();
            List<StoredEvent> all = TestLogs.assertGapless(log, last);
            for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
                assertTrue(a.getKey() <= last, "acknowledged #" + a.getKey() + " is missing; the log ends at " + last);
                assertEquals(a.getValue(), TestLogs.text(all.get((int) (a.getKey() - 1))), "payload of #" + a.getKey());
            }
            int[] nextPerThread = new int[THREADS];
            for (StoredEvent e : all) {
                String[] p = TestLogs.text(e).substring(1).split("-");
                int thread = Integer.parseInt(p[0]);
                assertEquals(nextPerThread[thread]++, Integer.parseInt(p[1]), "appends of thread " + thread
                        + " appear once each, in order, without a gap (at #" + e.sequence() + ")");
            }
        }
    }

    private static void record(Map<Long, String> acknowledged, String line) {
        int space = line.indexOf(' ');
        long sequence = Long.parseLong(line.substring(0, space));
        assertNull(acknowledged.put(sequence, line.substring(space + 1)), "sequence " + sequence + " acknowledged twice");
    }

    private static String childErrors(Path stderr) {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
