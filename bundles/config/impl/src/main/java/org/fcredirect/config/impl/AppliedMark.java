package org.fcredirect.config.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sequence of the last configuration version this node applied to its own ConfigAdmin. The
 * history is shared by every node of a fabric, but each node's ConfigAdmin is its own: a node
 * that was down while others committed versions applies those, and only those, when it starts.
 * Kept in the bundle's data area, written atomically (a temporary file moved over the old one).
 */
final class AppliedMark {
    private final Path file;
    private long sequence;

    /** @param file where the mark lives; null keeps it in memory only (tests) */
    AppliedMark(Path file) {
        this.file = file;
        this.sequence = file == null ? 0 : read(file);
    }

    private static long read(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    long sequence() {
        return sequence;
    }

    void save(long applied) {
        sequence = applied;
        if (file == null) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(applied), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration's applied mark " + file + " not written", e);
        }
    }
}
