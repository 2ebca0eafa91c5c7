package org.fcredirect.stats.impl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.HdrHistogram.Histogram;

/**
 * A {@link StatsStore} as bytes: totals, rollups, groups (by label) and flows with their detail.
 * Buckets are written with the unit they hold and groups by label, so a snapshot loads into a
 * store of any shape: buckets beyond the new retention, flows beyond the new bound and details
 * beyond the new number of slots are left out.
 */
final class SnapshotCodec {
    private static final int MAGIC = 0x46435253; // "FCRS"
    private static final int VERSION = 1;
    private static final int BUFFER = 1 << 16;

    private SnapshotCodec() {
    }

    static byte[] encode(StatsStore store) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Rollups are mostly zeros; the fastest level already shrinks them several times. The buffer
        // keeps the deflater from being called for every 8-byte long (ten times slower).
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, BUFFER), BUFFER))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(store.currentMinute);
            out.writeLong(store.untrackedDeltas);
            out.writeInt(store.totals.length);
            for (long total : store.totals) {
                out.writeLong(total);
            }
            writeHistogram(out, store.totalLatency);
            writeRing(out, store.totalSeconds);
            writeRing(out, store.totalMinutes);
            for (GroupDimension dimension : store.dimensions) {
                out.writeInt(dimension.size());
                for (int g = 0; g < dimension.size(); g++) {
                    out.writeUTF(dimension.label(g));
                    writeRing(out, dimension.ring(g));
                }
            }
            writeFlows(out, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IOException when the bytes are not a snapshot of this format
     */
    static StatsStore decode(byte[] data, StatsSettings settings, FlowLabelSource labels) throws IOException {
        StatsStore store = new StatsStore(settings, labels);
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(data)), BUFFER))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a stats snapshot of version " + VERSION);
            }
            store.currentMinute = in.readLong();
            store.untrackedDeltas = in.readLong();
            int totals = in.readInt();
            for (int i = 0; i < totals; i++) {
                store.totals[i] = in.readLong();
            }
            readHistogram(in, store.totalLatency);
            readRing(in, store.totalSeconds);
            readRing(in, store.totalMinutes);
            int[][] groupIds = new int[GroupBys.COUNT][];
            for (int d = 0; d < GroupBys.COUNT; d++) {
                GroupDimension dimension = store.dimensions[d];
                groupIds[d] = new int[in.readInt()];
                for (int g = 0; g < groupIds[d].length; g++) {
                    groupIds[d][g] = dimension.groupOf(in.readUTF());
                    readRing(in, dimension.ring(groupIds[d][g]));
                }
            }
            readFlows(in, store, groupIds);
        } catch (DataFormatException | RuntimeException e) {
            throw new IOException("corrupt stats snapshot: " + e.getMessage(), e);
        }
        return store;
    }

    private static void writeFlows(DataOutputStream out, StatsStore store) throws IOException {
        FlowCounters flows = store.flows;
        out.writeInt(flows.rows());
        for (int row = 0; row < flows.rows(); row++) {
            out.writeLong(flows.flowId(row));
            for (int c = 0; c < FlowCounters.WIDTH; c++) {
                out.writeLong(flows.get(row, c));
            }
            for (int d = 0; d < GroupBys.COUNT; d++) {
                out.writeInt(flows.group(row, d));
            }
            int slot = flows.detail(row);
            out.writeBoolean(slot != FlowCounters.NO_DETAIL);
            if (slot != FlowCounters.NO_DETAIL) {
                FlowDetail detail = store.detail(slot);
                writeRing(out, detail.seconds);
                writeRing(out, detail.minutes);
                writeHistogram(out, detail.latency);
            }
        }
    }

    private static void readFlows(DataInputStream in, StatsStore store, int[][] groupIds)
            throws IOException, DataFormatException {
        FlowCounters flows = store.flows;
        int rows = in.readInt();
        long[] cells = new long[FlowCounters.WIDTH];
        for (int r = 0; r < rows; r++) {
            long flowId = in.readLong();
            for (int c = 0; c < FlowCounters.WIDTH; c++) {
                cells[c] = in.readLong();
            }
            int row = flows.addFlow(flowId, cells[FlowCounters.FIRST_SEEN]);
            for (int d = 0; d < GroupBys.COUNT; d++) {
                int group = groupIds[d][in.readInt()];
                if (row >= 0) {
                    flows.setGroup(row, d, group);
                }
            }
            if (row >= 0) {
                for (int c = 0; c < FlowCounters.WIDTH; c++) {
                    flows.set(row, c, cells[c]);
                }
            }
            if (in.readBoolean()) {
                FlowDetail detail = row >= 0 ? store.detailOf(row) : null;
                // No slot for it in this shape: read it into a throwaway to stay in step.
                FlowDetail into = detail != null ? detail : new FlowDetail(1, 1);
                readRing(in, into.seconds);
                readRing(in, into.minutes);
                readHistogram(in, into.latency);
            }
        }
    }

    private static void writeRing(DataOutputStream out, BucketRing ring) throws IOException {
        int[] held = {0};
        ring.forEachBucket((unit, frames, bytes, exchanges, errors) -> held[0]++);
        out.writeInt(held[0]);
        IOException[] failure = {null};
        ring.forEachBucket((unit, frames, bytes, exchanges, errors) -> {
            try {
                out.writeLong(unit);
                out.writeLong(frames);
                out.writeLong(bytes);
                out.writeLong(exchanges);
                out.writeLong(errors);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void readRing(DataInputStream in, BucketRing ring) throws IOException {
        int held = in.readInt();
        for (int i = 0; i < held; i++) {
            ring.add(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        }
    }

    private static void writeHistogram(DataOutputStream out, Histogram histogram) throws IOException {
        byte[] bytes = LatencyHistograms.encode(histogram);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void readHistogram(DataInputStream in, Histogram into) throws IOException, DataFormatException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        LatencyHistograms.decodeInto(bytes, into);
    }
}
