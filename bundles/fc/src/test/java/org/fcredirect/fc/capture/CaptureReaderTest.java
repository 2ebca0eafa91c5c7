package org.fcredirect.fc.capture;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureReaderTest {
    private static final int MICROS = 0xA1B2C3D4;
    private static final int NANOS = 0xA1B23C4D;
    private static final byte[] A = {1, 2, 3, 4, 5};
    private static final byte[] B = new byte[64];

    private static ByteOrder order(boolean big) {
        return big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static List<CaptureRecord> readAll(byte[] file) throws IOException {
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(file), "test.cap")) {
            List<CaptureRecord> records = new ArrayList<>();
            for (CaptureRecord rec = r.next(); rec != null; rec = r.next()) {
                records.add(rec);
            }
            return records;
        }
    }

    private static void failsReading(byte[] file, String... problem) {
        rejects(() -> readAll(file), problem);
    }

    // classic pcap

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsMicrosecondPcapInEitherByteOrder(boolean big) throws IOException {
        byte[] file = CaptureBytes.pcap(order(big), MICROS, 65535, 224)
                .record(1_700_000_000, 123_456, 5, 5, A).record(1_700_000_001, 0, 64, 100, B).bytes();
        List<CaptureRecord> r = readAll(file);
        assertEquals(2, r.size());
        assertEquals(Instant.ofEpochSecond(1_700_000_000, 123_456_000), r.get(0).timestamp());
        assertEquals(224, r.get(0).linkType());
        assertArrayEquals(A, r.get(0).data());
        assertEquals(100, r.get(1).originalLength());
        assertEquals(64, r.get(1).capturedLength());
        assertEquals(true, r.get(1).truncated());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsNanosecondPcapInEitherByteOrder(boolean big) throws IOException {
        byte[] file = CaptureBytes.pcap(order(big), NANOS, 0, 1).record(7, 999_999_999, 5, 5, A).bytes();
        CaptureRecord r = readAll(file).get(0);
        assertEquals(Instant.ofEpochSecond(7, 999_999_999), r.timestamp());
        assertEquals(1, r.linkType());
        try (CaptureReader reader = new CaptureReader(new ByteArrayInputStream(file), "x")) {
            assertEquals(CaptureFormat.PCAP, reader.format());
        }
    }

    @Test
    void rejectsBadPcapHeaders() {
        failsReading(new byte[0], "capture file 'test.cap'", "at offset 0", "empty");
        failsReading(new byte[] {0x12, 0x34, 0x56, 0x78, 0, 0}, "bad magic 0x12345678", "neither pcap");
        byte[] shortHeader = Arrays.copyOf(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 0, 1).bytes(), 20);
        failsReading(shortHeader, "truncated in the pcap file header: 20 bytes needed, the file ends after 16");
        byte[] version = CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, MICROS, 0, 1).bytes();
        version[5] = 3;
        failsReading(version, "pcap version 3.4");
        failsReading(CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, MICROS, 0, 0x0001_0001).bytes(), "reserved bits 16-25");
    }

    @Test
    void rejectsBadPcapRecords() {
        CaptureBytes base = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 64, 224);
        byte[] ok = base.record(1, 0, 5, 5, A).bytes();
        failsReading(Arrays.copyOf(ok, 24 + 10), "at offset 34", "truncated in a record header");
        failsReading(Arrays.copyOf(ok, ok.length - 2), "truncated in the packet data of the record at offset 24",
                "5 bytes needed, the file ends after 3");
        failsReading(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 64, 224).record(1, 0, 65, 65, new byte[65]).bytes(),
                "at offset 32", "captured length 65 exceeds the snapshot length 64");
        failsReading(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 0, 224).record(1, 0, 300_000, 300_000, A).bytes(),
                "captured length 300000 exceeds the 262144-byte limit");
        failsReading(CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, MICROS, 0, 224).record(1, 0, -1, -1, A).bytes(),
                "captured length 4294967295 exceeds");
        failsReading(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 64, 224).record(1, 0, 5, 4, A).bytes(),
                "original length 4 is below the captured length 5");
        failsReading(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, MICROS, 64, 224).record(1, 1_000_000, 5, 5, A).bytes(),
                "timestamp fraction 1000000 is not below 1000000");
        failsReading(CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, NANOS, 64, 224).record(1, 1_000_000_000, 5, 5, A).bytes(),
                "not below 1000000000");
    }

    // pcapng

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsPcapngWithTwoInterfacesOfDifferentLinkTypes(boolean big) throws IOException {
        byte[] file = CaptureBytes.pcapng(order(big))
                .idb(224, 0, -1, 0)
                .idb(1, 128, 9, 0)
                .block(0x0BAD, new byte[] {9, 9, 9, 9, 9})
                .epb(0, 1_700_000_000_123_456L, 5, A)
                .epb(1, 1_700_000_000_123_456_789L, 200, B)
                .spb(5, A)
                .opb(1, 42, A)
                .bytes();
        List<CaptureRecord> r = readAll(file);
        assertEquals(4, r.size());
        assertEquals(CaptureRecord.of(Instant.ofEpochSecond(1_700_000_000, 123_456_000), 224, 0, 5, A), r.get(0));
        assertEquals(CaptureRecord.of(Instant.ofEpochSecond(1_700_000_000, 123_456_789), 1, 1, 200, B), r.get(1));
        assertNull(r.get(2).timestamp());
        assertEquals(224, r.get(2).linkType());
        assertArrayEquals(A, r.get(2).data());
        assertEquals(Instant.ofEpochSecond(0, 42), r.get(3).timestamp());
        assertEquals(1, r.get(3).interfaceId());
    }

    @Test
    void eachSectionHasItsOwnByteOrderAndInterfaces() throws IOException {
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(0, 1_000_000, 5, A)
                .shb(ByteOrder.BIG_ENDIAN).idb(225, 0, 0x8A, 100).epb(0, 3 * 1024 + 512, 5, A)
                .bytes();
        List<CaptureRecord> r = readAll(file);
        assertEquals(Instant.ofEpochSecond(1), r.get(0).timestamp());
        assertEquals(225, r.get(1).linkType());
        assertEquals(Instant.ofEpochSecond(103, 500_000_000), r.get(1).timestamp(), "2^-10 s units plus if_tsoffset");
    }

    @Test
    void aNewSectionForgetsTheInterfacesOfTheLastOne() {
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).shb(ByteOrder.LITTLE_ENDIAN)
                .epb(0, 0, 5, A).bytes();
        failsReading(file, "interface id 0 but the section describes 0 interface(s)");
    }

    @Test
    void rejectsABlockWhoseTrailingLengthDiffers() {
        int epbStart = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).bytes().length;
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(0, 0, 5, A).bytes();
        int total = file.length - epbStart;
        file[file.length - 4] -= 4;
        failsReading(file, "at offset " + (file.length - 4), "block total length mismatch: the block at offset " + epbStart
                + " starts with " + total + " and ends with " + (total - 4));
    }

    @Test
    void rejectsMoreInterfacesThanTheCap() {
        CaptureBytes bytes = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < CaptureReader.MAX_INTERFACES; i++) {
            bytes.idb(224, 0, -1, 0);
        }
        int extra = bytes.bytes().length;
        failsReading(bytes.idb(224, 0, -1, 0).epb(0, 0, 5, A).bytes(), "at offset " + extra,
                "beyond the " + CaptureReader.MAX_INTERFACES + " interfaces a section may describe");
    }

    @Test
    void rejectsBadBlockLengths() {
        int idbStart = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).bytes().length;
        byte[] notAWord = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(224, 0, -1, 0).bytes();
        notAWord[idbStart + 7] = 21;
        failsReading(notAWord, "at offset " + (idbStart + 4), "block total length 21 is not a multiple of 4 of at least 12");
        CaptureBytes bytes = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(224, 0, -1, 0);
        byte[] huge = bytes.raw(bytes.buf(28).putInt(CaptureBytes.EPB).putInt(0x7FFF_FFF0).putInt(0).putInt(0).putInt(0)
                .putInt(0x7FFF_0000).putInt(0x7FFF_0000)).bytes();
        failsReading(huge, "captured length 2147418112 exceeds the 262144-byte limit");
        int epbStart = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(224, 0, -1, 0).bytes().length;
        byte[] overrun = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(224, 0, -1, 0).epb(0, 0, 5, A).bytes();
        int total = overrun.length - epbStart;
        overrun[epbStart + 23] = 40;
        failsReading(overrun, "captured length 40 overruns the block of " + total + " bytes");
    }

    @Test
    void rejectsTruncatedBlocks() {
        int epbStart = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).bytes().length;
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(0, 0, 5, A).bytes();
        failsReading(Arrays.copyOf(file, file.length - 10), "truncated in");
        failsReading(Arrays.copyOf(file, epbStart + 4), "truncated in a block header");
        failsReading(Arrays.copyOf(file, epbStart - 8), "truncated in an interface description block");
        byte[] unknown = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).block(0x0BAD, new byte[40]).bytes();
        failsReading(Arrays.copyOf(unknown, unknown.length - 20), "truncated in a block of type 2989", "run past the end");
    }

    @Test
    void rejectsBadSectionHeaders() {
        byte[] magic = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).bytes();
        magic[8] = 0x11;
        failsReading(magic, "byte-order magic 0x113c2b1a is not 1a2b3c4d");
        byte[] version = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).bytes();
        version[13] = 2;
        failsReading(version, "pcapng version 2.0");
    }

    @Test
    void rejectsInconsistentPacketBlocks() {
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(1, 0, 5, A).bytes(),
                "interface id 1 but the section describes 1 interface(s)");
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 4, -1, 0).epb(0, 0, 5, A).bytes(),
                "captured length 5 exceeds the snapshot length 4");
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(0, 0, 3, A).bytes(),
                "original length 3 is below the captured length 5");
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).spb(5, A).bytes(), "interface id 0 but the section describes 0");
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).spb(9, A).bytes(),
                "simple packet block of 24 bytes cannot hold the 9 captured bytes");
    }

    @Test
    void simplePacketBlocksAreCutAtTheSnapshotLength() throws IOException {
        CaptureRecord r = readAll(CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(1, 4, -1, 0).spb(5, Arrays.copyOf(A, 4)).bytes()).get(0);
        assertEquals(4, r.capturedLength());
        assertEquals(5, r.originalLength());
    }

    @Test
    void rejectsBadInterfaceOptions() {
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(1, 0, 19, 0).bytes(), "if_tsresol 10^-19 is finer than supported");
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(1, 0, 0x80 | 63, 0).bytes(), "if_tsresol 2^-63");
        CaptureBytes c = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN);
        byte[] overrun = c.block(CaptureBytes.IDB, c.buf(16).putShort((short) 1).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 40).array()).bytes();
        failsReading(overrun, "interface option 9 of 40 bytes overruns its block");
        CaptureBytes d = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN);
        byte[] resolLength = d.block(CaptureBytes.IDB, d.buf(16).putShort((short) 1)
                .putShort((short) 0).putInt(0).putShort((short) 9).putShort((short) 2).array()).bytes();
        failsReading(resolLength, "if_tsresol has 2 bytes, expected 1");
    }

    @Test
    void timestampsBeyondWhatAnInstantHoldsAreRejected() {
        failsReading(CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(1, 0, 0, 0).epb(0, -1L, 5, A).bytes(),
                "timestamp 18446744073709551615 is out of range");
    }

    @Test
    void opensFilesByPathAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.pcapng");
        Files.write(good, CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(224, 0, -1, 0).epb(0, 0, 5, A).bytes());
        try (CaptureReader r = CaptureReader.open(good)) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
            assertArrayEquals(A, r.next().data());
            assertNull(r.next());
        }
        Path bad = dir.resolve("bad.pcap");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        rejects(() -> CaptureReader.open(bad), "capture file 'bad.pcap'", "bad magic");
    }
}
