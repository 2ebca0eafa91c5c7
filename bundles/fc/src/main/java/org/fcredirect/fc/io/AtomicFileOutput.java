package org.fcredirect.fc.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all, the one way every export writes: into a fresh temporary file
 * in the target's directory (created exclusively, so no other file is touched), forced to disk,
 * then moved onto the target in one step by {@link #commit}. Until then the target is as it was;
 * {@link #close} without a commit deletes the temporary. An existing target is replaced only when
 * the caller asked for it.
 */
public final class AtomicFileOutput implements Closeable {
    private final Path target;
    private final boolean replace;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicFileOutput(Path target, boolean replace, Path temporary, FileChannel channel) {
        this.target = target;
        this.replace = replace;
        this.temporary = temporary;
        this.channel = channel;
        // closing the stream (a writer on top of it may) leaves the file to commit or close
        this.stream = new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Starts the file.
     *
     * @param replace whether an existing target may be replaced
     * @throws FileAlreadyExistsException when the target exists and may not be replaced
     * @throws IOException naming the target when its directory is missing or not writable
     */
    public static AtomicFileOutput create(Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!replace && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(absolute);
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + absolute + ": its directory does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + absolute + ": permission denied", e);
        }
        try {
            return new AtomicFileOutput(absolute, replace, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static FileAlreadyExistsException exists(Path target) {
        return new FileAlreadyExistsException(target.toString(), null, "exists and is not replaced");
    }

    /** Where to write; closing it only flushes. */
    public OutputStream stream() {
        return stream;
    }

    /** Where the file goes, absolute. */
    public Path target() {
        return target;
    }

    /** Forces what was written and puts it in place of the target in one step. */
    public void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        if (replace) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            // a link fails on an existing name, so a file that appeared since create() is kept too
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                throw exists(target);
            }
            Files.delete(temporary);
        }
        committed = true;
    }

    /** Deletes the temporary unless committed; the target stays as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }
}
