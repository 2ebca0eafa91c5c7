package org.fcredirect.fc.capture;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.fcredirect.fc.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PcapWriterTest {

    @Test
    void writesALittleEndianVersion24Header() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapWriter(out, 224, TimestampResolution.NANOSECONDS).close();
        assertEquals("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "e0000000",
                Hex.encode(out.toByteArray(), 0, 24));
    }

    @Property(tries = 200)
    void whatIsWrittenReadsBack(@ForAll("packets") List<byte[]> packets, @ForAll("instants") Instant t,
                                @ForAll TimestampResolution resolution) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, 225, resolution)) {
            for (byte[] p : packets) {
                w.write(t, p);
            }
        }
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(out.toByteArray()), "mem")) {
            Instant expected = Instant.ofEpochSecond(t.getEpochSecond(),
                    t.getNano() / resolution.nanosPerUnit() * resolution.nanosPerUnit());
            for (byte[] p : packets) {
                assertEquals(CaptureRecord.of(expected, 225, 0, p.length, p), r.next());
            }
            assertNull(r.next());
        }
    }

    @Test
    void rejectsWhatPcapCannotHold(@TempDir Path dir) throws IOException {
        try (PcapWriter w = PcapWriter.create(dir.resolve("x.pcap"), 1, TimestampResolution.MICROSECONDS)) {
            rejects(() -> w.write(Instant.ofEpochSecond(-1), new byte[1]), "packet timestamp", "1970..2106");
            rejects(() -> w.write(Instant.ofEpochSecond(1L << 32), new byte[1]), "1970..2106");
            rejects(() -> w.write(Instant.EPOCH, new byte[CaptureReader.MAX_RECORD_LENGTH + 1]),
                    "packet '262145 bytes'", "exceeds the snapshot length 262144");
        }
        assertEquals(24, Files.size(dir.resolve("x.pcap")));
        rejects(() -> new PcapWriter(new ByteArrayOutputStream(), 70000, TimestampResolution.NANOSECONDS), "link type '70000'");
    }

    @Provide
    Arbitrary<List<byte[]>> packets() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }
}
