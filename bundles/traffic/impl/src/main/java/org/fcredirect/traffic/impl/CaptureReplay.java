package org.fcredirect.traffic.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.FrameBatch;
import org.fcredirect.fastpath.api.FramePort;
import org.fcredirect.fastpath.api.FrameSources;
import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.capture.CaptureReader;
import org.fcredirect.fc.capture.CaptureRecord;
import org.fcredirect.fc.capture.CrcStatus;
import org.fcredirect.fc.capture.LinkFrame;
import org.fcredirect.fc.capture.LinkOptions;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.PcapWriter;
import org.fcredirect.fc.capture.TimestampResolution;
import org.fcredirect.fc.io.AtomicFileOutput;
import org.fcredirect.traffic.api.ReplayListener;
import org.fcredirect.traffic.api.ReplayProgress;
import org.fcredirect.traffic.api.ReplayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capture file as a frame source, on the caller's thread: each packet's frame goes through the
 * pipeline (timestamped with its capture time, so exchanges are timed as captured) and comes out,
 * rewritten where a rule says so, into a pcap of the first packet's link type, re-wrapped by that
 * link type (delimiters and CRC recomputed). Workers return frames per lane, each lane in order;
 * the writer merges the lanes back into input order by sequence number. Paced, a frame waits (the
 * loop goes on polling, it does not block) until as much time passed since the first as the capture
 * shows between them.
 */
final class CaptureReplay {
    static final String SOURCE = "capture replay";
    private static final Logger LOG = LoggerFactory.getLogger(CaptureReplay.class);
    private static final long PROGRESS_NANOS = 200_000_000L;

    private final FrameSources host;
    private final LinkTypes linkTypes;
    private final Path input;
    private final Path output;
    private final boolean replaceOutput;
    private final int vsan;
    private final boolean paced;
    private final ReplayListener listener;
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private FramePort dispatcher;
    private CountingInputStream counting;
    private LinkTypeDecoder decoder;
    private AtomicFileOutput outputFile;
    private PcapWriter writer;
    private InOrder merge;
    private int linkType = -1;
    private long packets;
    private long processed;
    private long written;
    private long dropped;
    private long undecodable;
    private long badCrc;
    private long otherLinkType;
    private long size;
    private boolean listenerFailed;

    CaptureReplay(FrameSources host, LinkTypes linkTypes, Path input, Path output, boolean replaceOutput, int vsan,
                  boolean paced, ReplayListener listener) {
        this.host = host;
        this.linkTypes = linkTypes;
        this.input = input;
        this.output = output;
        this.replaceOutput = replaceOutput;
        this.vsan = vsan;
        this.paced = paced;
        this.listener = listener;
    }

    ReplayResult run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            size = Files.size(input);
            counting = new CountingInputStream(new BufferedInputStream(Files.newInputStream(input), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new IOException("capture file " + input + " does not exist", e);
        }
        // the output appears only whole, and a failed replay leaves whatever was there before
        try (AtomicFileOutput file = AtomicFileOutput.create(output, replaceOutput);
             CaptureReader reader = new CaptureReader(counting, String.valueOf(input.getFileName()))) {
            outputFile = file;
            try {
                dispatcher = host.open(SOURCE);
                merge = new InOrder(dispatcher.workers());
                replay(reader);
            } finally {
                if (dispatcher != null) {
                    dispatcher.close();
                }
            }
            if (writer != null) {
                writer.close();
                file.commit();
            }
        } catch (FcFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        progress();
        ReplayResult r = new ReplayResult(input, output, linkType < 0 ? LinkTypes.FC_2 : linkType, packets, processed,
                written, drops, undecodable, badCrc, otherLinkType, Duration.ofNanos(System.nanoTime() - t0));
        LOG.info("Replayed {} into {}: {} packets, {} frames written, {} dropped, {} undecodable, {} bad CRC,"
                + " {} of another link type", input, output, packets, written, dropped, undecodable, badCrc, otherLinkType);
        return r;
    }

    private void replay(CaptureReader reader) throws IOException, InterruptedException {
        Consumer<FrameBatch> onReturn = merge::returned;
        long sequence = 0;
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        CaptureRecord record = null;
        Packet packet = null;
        boolean eof = false;
        long firstCaptured = 0;
        long firstSent = 0;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("replay of " + input + " interrupted");
            }
            boolean progressed = false;
            if (packet == null && !eof) {
                record = reader.next();
                eof = record == null;
                if (record != null) {
                    packets++;
                    packet = frameOf(record);
                    progressed = true;
                }
            }
            boolean due = true;
            if (packet != null && paced) {
                long now = System.nanoTime();
                if (sequence == 0) {
                    firstCaptured = packet.nanos;
                    firstSent = now;
                }
                due = now - firstSent >= packet.nanos - firstCaptured;
                if (!due) {
                    dispatcher.publish();
                }
            }
            if (packet != null && due) {
                FrameBatch b = dispatcher.claim(packet.worker, packet.length);
                if (b == null) {
                    dispatcher.publish();
                } else {
                    int at = b.add(vsan, packet.nanos, sequence, packet.length);
                    System.arraycopy(packet.data, packet.offset, b.data(), at, packet.length);
                    merge.remember(packet);
                    sequence++;
                    processed++;
                    packet = null;
                    progressed = true;
                }
            } else if (eof) {
                dispatcher.publish();
            }
            progressed |= dispatcher.poll(onReturn) > 0;
            progressed |= merge.writeReady(this::write) > 0;
            if (eof && packet == null && merge.next == sequence) {
                return;
            }
            if (dispatcher.stopped()) {
                throw new IllegalStateException("the fast path stopped during the replay of " + input);
            }
            long now = System.nanoTime();
            if (now - nextProgress >= 0) {
                progress();
                nextProgress = now + PROGRESS_NANOS;
            }
            dispatcher.pace(progressed);
        }
    }

    /** The frame of a packet, or null when it has none this replay can use (counted). */
    private Packet frameOf(CaptureRecord r) throws IOException {
        if (linkType < 0) {
            linkType = r.linkType();
            try {
                decoder = linkTypes.byLinkType(linkType);
            } catch (FcFormatException e) {
                throw new IOException("capture file " + input.getFileName() + ": " + e.getMessage(), e);
            }
            writer = new PcapWriter(outputFile.stream(), linkType, TimestampResolution.NANOSECONDS);
        }
        if (r.linkType() != linkType) {
            otherLinkType++;
            return null;
        }
        byte[] data = r.data();
        LinkFrame f;
        try {
            f = decoder.decode(data, 0, data.length);
        } catch (FcFormatException e) {
            undecodable++;
            return null;
        }
        if (f.crcStatus() == CrcStatus.BAD) {
            badCrc++;
            return null;
        }
        int length = Math.min(f.frameLength(), FrameBatch.MAX_COPY);
        FrameView v = new FrameView().wrap(data, f.frameOffset(), length);
        int worker = length >= FrameView.HEADER_LENGTH ? dispatcher.worker(vsan, v.sId(), v.dId()) : 0;
        Instant time = r.timestamp() == null ? Instant.EPOCH : r.timestamp();
        LinkOptions options = new LinkOptions(f.sof() == null ? LinkOptions.DEFAULT.sof() : f.sof(),
                f.eof() == null ? LinkOptions.DEFAULT.eof() : f.eof(), f.vlanId());
        return new Packet(data, f.frameOffset(), length, worker, time, time.getEpochSecond() * 1_000_000_000L
                + time.getNano(), options);
    }

    /** Writes a frame that came out of the pipeline, or counts its drop. */
    private void write(FrameBatch b, int i, Packet p) {
        if (b.verdict(i) != FrameBatch.FORWARDED) {
            drops.merge(FrameBatch.reasonOf(b.verdict(i)), 1L, Long::sum);
            dropped++;
            return;
        }
        byte[] packet;
        try {
            packet = decoder.encode(b.data(), b.offset(i), b.length(i), p.options);
        } catch (FcFormatException e) {
            undecodable++;
            return;
        }
        try {
            writer.write(p.time, packet);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
        written++;
    }

    private void progress() {
        if (listenerFailed) {
            return;
        }
        try {
            listener.progress(new ReplayProgress(counting == null ? 0 : counting.count(), size, packets, written, dropped));
        } catch (RuntimeException e) {
            listenerFailed = true;
            LOG.warn("Replay progress listener failed; no more progress reports for this replay", e);
        }
    }

    /** A packet on its way: its bytes, where its frame is, and what the output needs to wrap it again. */
    private record Packet(byte[] data, int offset, int length, int worker, Instant time, long nanos,
            LinkOptions options) {
    }

    /** An output write failed; unwrapped by {@link #run} into its IOException. */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailed(IOException cause) {
            super(cause);
        }
    }

    /** Puts frames back in input order from lanes that are each in order. */
    private final class InOrder {
        private final List<ArrayDeque<FrameBatch>> lanes = new ArrayList<>();
        private final int[] cursor;
        private final ArrayDeque<Packet> packets = new ArrayDeque<>();
        long next;

        InOrder(int workers) {
            for (int w = 0; w < workers; w++) {
                lanes.add(new ArrayDeque<>());
            }
            cursor = new int[workers];
        }

        /** Keeps a packet until its frame comes back; frames come back in the order packets were remembered. */
        void remember(Packet p) {
            packets.addLast(p);
        }

        void returned(FrameBatch b) {
            lanes.get(b.worker()).addLast(b);
        }

        /** Writes every frame whose turn it is; returns how many. */
        int writeReady(FrameSink sink) throws IOException {
            int n = 0;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int w = 0; w < cursor.length; w++) {
                    FrameBatch b = lanes.get(w).peekFirst();
                    if (b == null || b.tag(cursor[w]) != next) {
                        continue;
                    }
                    try {
                        sink.frame(b, cursor[w], packets.pollFirst());
                    } catch (WriteFailed e) {
                        throw (IOException) e.getCause();
                    }
                    next++;
                    n++;
                    moved = true;
                    if (++cursor[w] == b.count()) {
                        lanes.get(w).pollFirst();
                        cursor[w] = 0;
                        dispatcher.release(b);
                    }
                }
            }
            return n;
        }
    }

    @FunctionalInterface
    private interface FrameSink {
        void frame(FrameBatch b, int index, Packet p);
    }
}
