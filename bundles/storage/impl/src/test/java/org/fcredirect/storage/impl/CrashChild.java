package org.fcredirect.storage.impl;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.DurabilityMode;

/**
 * The process {@link CrashTest} kills: appenders with durability fsync that print
 * {@code <sequence> <payload>} for every append once it is acknowledged, until killed.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        FileEventLog log = FileEventLog.open(TestLogs.settings(dir).withDurability(DurabilityMode.FSYNC));
        for (int t = 0; t < threads; t++) {
            String name = "t" + t;
            Thread appender = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String payload = name + "-" + n;
                    Appended a = log.append("crash", "tick", payload.getBytes(StandardCharsets.UTF_8)).join();
                    synchronized (out) {
                        out.println(a.sequence() + " " + payload);
                        out.flush();
                    }
                }
            }, "appender-" + name);
            appender.start();
        }
    }
}
