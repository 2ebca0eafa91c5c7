package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The few raw file operations the engine repeats: positional full writes, zero fill, directory sync. */
final class FileOps {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private FileOps() {
    }

    /** Writes all of {@code src} at {@code position}; a channel may take it in several calls. */
    static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    /** Overwrites {@code [from, to)} with zeros. */
    static void zero(FileChannel channel, long from, long to) throws IOException {
        long at = from;
        while (at < to) {
            ByteBuffer z = ZEROS.duplicate();
            z.limit((int) Math.min(z.capacity(), to - at));
            writeFully(channel, z, at);
            at += z.limit();
        }
    }

    /** Makes a directory's entries (a created, renamed or deleted file) durable. */
    static void forceDirectory(Path dir, ChannelFactory channels) throws IOException {
        try (FileChannel d = channels.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
