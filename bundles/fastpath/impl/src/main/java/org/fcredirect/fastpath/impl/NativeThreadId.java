package org.fcredirect.fastpath.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's OS id. Java has no portable CPU affinity, so the fast path does not pin its
 * threads; it reports each worker's Linux TID instead, which an operator can pin with
 * {@code taskset -pc CPU TID} (or pin the whole JVM with a cpuset).
 */
final class NativeThreadId {
    private NativeThreadId() {
    }

    /** The Linux TID of the calling thread, or -1 elsewhere. */
    static long current() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(self.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
