package org.fcredirect.fc.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

import org.fcredirect.fc.FcFormatException;

/**
 * Writes a classic pcap file (version 2.4, little-endian, snapshot length
 * {@link CaptureReader#MAX_RECORD_LENGTH}) of one link type. Not thread-safe.
 */
public final class PcapWriter implements Closeable, Flushable {
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    private final OutputStream out;
    private final TimestampResolution resolution;
    private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);

    /** Writes the file header to {@code out}. */
    public PcapWriter(OutputStream out, int linkType, TimestampResolution resolution) throws IOException {
        if (linkType < 0 || linkType > 0xFFFF) {
            throw FcFormatException.of("link type", linkType, "must be 0..65535");
        }
        this.out = out;
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        header.clear();
        header.putInt(resolution.magic()).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(CaptureReader.MAX_RECORD_LENGTH).putInt(linkType);
        out.write(header.array(), 0, 24);
    }

    /** Creates (or replaces) {@code file}. */
    public static PcapWriter create(Path file, int linkType, TimestampResolution resolution) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            return new PcapWriter(os, linkType, resolution);
        } catch (IOException | RuntimeException e) {
            os.close();
            throw e;
        }
    }

    /**
     * Appends a packet captured whole. The timestamp is truncated to the file's resolution.
     *
     * @throws FcFormatException when the packet exceeds the snapshot length or the time cannot be
     *                           stored (before 1970 or after 2106)
     */
    public void write(Instant timestamp, byte[] packet, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len > CaptureReader.MAX_RECORD_LENGTH) {
            throw FcFormatException.of("packet", len + " bytes", "exceeds the snapshot length " + CaptureReader.MAX_RECORD_LENGTH);
        }
        long seconds = timestamp.getEpochSecond();
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw FcFormatException.of("packet timestamp", timestamp, "is outside the pcap range 1970..2106");
        }
        header.clear();
        header.putInt((int) seconds).putInt(timestamp.getNano() / resolution.nanosPerUnit()).putInt(len).putInt(len);
        out.write(header.array(), 0, 16);
        out.write(packet, off, len);
    }

    public void write(Instant timestamp, byte[] packet) throws IOException {
        write(timestamp, packet, 0, packet.length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
