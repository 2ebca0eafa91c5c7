package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens real channels that can be told to fail like a full or broken disk: writes stop half way
 * with "No space left on device", forces fail with an I/O error, no new file can be created
 * (segments are made as {@code .tmp} files first), or the disk turns read-only right after a
 * torn write so not even its roll-back reaches the file, or a write fails with an error no caller
 * expects (a bug below the engine). Also counts writes and forces.
 */
final class FaultyChannels implements ChannelFactory {
    final AtomicBoolean failWrites = new AtomicBoolean();
    final AtomicBoolean failForces = new AtomicBoolean();
    final AtomicBoolean failCreates = new AtomicBoolean();
    final AtomicBoolean readOnlyAfterTornWrite = new AtomicBoolean();
    final AtomicBoolean crashWrites = new AtomicBoolean();
    /** A write cut by an interrupt: the JDK closes the channel for good and throws. */
    final AtomicBoolean interruptWrites = new AtomicBoolean();
    private final AtomicBoolean torn = new AtomicBoolean();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger forces = new AtomicInteger();

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        String name = path.getFileName().toString();
        if (failCreates.get() && name.endsWith(".tmp")) {
            throw new IOException("No space left on device");
        }
        FileChannel real = FileChannel.open(path, options);
        return name.equals(SegmentChain.LOCK_FILE) ? real : new Faulty(real);
    }

    void clear() {
        failWrites.set(false);
        failForces.set(false);
        failCreates.set(false);
        readOnlyAfterTornWrite.set(false);
        crashWrites.set(false);
        interruptWrites.set(false);
        torn.set(false);
    }

    private final class Faulty extends FileChannel {
        private final FileChannel real;

        Faulty(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            writes.incrementAndGet();
            if (crashWrites.get()) {
                throw new InternalError("driver bug");
            }
            if (interruptWrites.get()) {
                close();
                throw new ClosedByInterruptException();
            }
            if (readOnlyAfterTornWrite.get() && torn.getAndSet(true)) {
                throw new IOException("Read-only file system");
            }
            if (failWrites.get() || readOnlyAfterTornWrite.get()) {
                // a partial write reaches the file before the error, as on a disk filling up
                ByteBuffer half = src.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                real.write(half, position);
                throw new IOException("No space left on device");
            }
            return real.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forces.incrementAndGet();
            if (failForces.get()) {
                throw new IOException("Input/output error");
            }
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, real.position());
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("the engine uses positional writes only");
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return real.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
