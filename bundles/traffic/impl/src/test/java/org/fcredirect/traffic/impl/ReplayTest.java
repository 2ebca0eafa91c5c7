package org.fcredirect.traffic.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fastpath.api.DropReason;
import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fastpath.impl.FastPathManager;
import org.fcredirect.fastpath.impl.Fixtures;
import org.fcredirect.fastpath.impl.TestFrames;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.capture.CaptureReader;
import org.fcredirect.fc.capture.CaptureRecord;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.PcapWriter;
import org.fcredirect.fc.capture.TimestampResolution;
import org.fcredirect.traffic.api.ReplayProgress;
import org.fcredirect.traffic.api.ReplayResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated capture through the pipeline: the output holds the frames in input order, rewritten
 * by the redirect rules, and tshark (an independent decoder) reads the addresses expected.
 */
class ReplayTest {
    static final int VSAN = 50;
    static final int I1 = 0x0a0101;
    static final int I2 = 0x0a0102;
    static final int I3 = 0x0a0103;
    static final int T1 = 0x0b0201;
    static final int VT = 0x0c0001;
    static final int VI = 0x0c0002;
    static final Path TSHARK = Path.of("/usr/bin/tshark");

    @TempDir
    Path dir;
    private FastPathManager fastPath;
    private TrafficManager manager;

    /** One captured frame and the addresses it must leave with, or null when it is dropped. */
    private record Expected(byte[] frame, int sid, int did) {
    }

    private final List<Expected> capture = new ArrayList<>();

    @BeforeEach
    void start() {
        fastPath = Fixtures.start(Fixtures.settings(2));
        manager = Wiring.traffic(fastPath);
        long any = RewriteRule.ANY_LUN;
        fastPath.apply(RuleBatch.builder().reset()
                .add(RewriteRule.rewrite(1, VSAN, I1, T1, any, I1, VT))
                .add(RewriteRule.rewrite(1, VSAN, VI, T1, any, I1, T1))
                .add(RewriteRule.rewrite(1, VSAN, T1, I1, any, T1, VI))
                .add(RewriteRule.rewrite(1, VSAN, VT, I1, any, T1, I1))
                .add(RewriteRule.permit(2, VSAN, I2, T1, any)).add(RewriteRule.permit(2, VSAN, T1, I2, any))
                .add(RewriteRule.drop(3, VSAN, I3, T1, any)).add(RewriteRule.drop(3, VSAN, T1, I3, any))
                .build(1));
    }

    @AfterEach
    void stop() {
        Wiring.stop(manager, fastPath);
    }

    /** Frames of the generator's writer: a read redirected through the appliance, a direct read, a dropped command. */
    private Path generatedCapture() throws IOException {
        FcpFrames fcp = new FcpFrames();
        int ox = 0x0100;
        add(fcp, f -> fcp.command(f, 0, T1, I1, ox, false, 0, 4096), FcpFrames.COMMAND_LENGTH, I1, VT);
        add(fcp, f -> fcp.command(f, 0, T1, VI, ox, false, 0, 4096), FcpFrames.COMMAND_LENGTH, I1, T1);
        for (int k = 0; k < 2; k++) {
            int index = k;
            add(fcp, f -> fcp.data(f, 0, I1, T1, ox, true, index, index * 2048, 2048, index == 1), 24 + 2048, T1, VI);
            add(fcp, f -> fcp.data(f, 0, I1, VT, ox, true, index, index * 2048, 2048, index == 1), 24 + 2048, T1, I1);
        }
        add(fcp, f -> fcp.response(f, 0, I1, T1, ox), FcpFrames.RESPONSE_LENGTH, T1, VI);
        add(fcp, f -> fcp.response(f, 0, I1, VT, ox), FcpFrames.RESPONSE_LENGTH, T1, I1);
        add(fcp, f -> fcp.command(f, 0, T1, I2, 0x0200, false, 0, 2048), FcpFrames.COMMAND_LENGTH, I2, T1);
        add(fcp, f -> fcp.data(f, 0, I2, T1, 0x0200, true, 0, 0, 2048, true), 24 + 2048, T1, I2);
        add(fcp, f -> fcp.response(f, 0, I2, T1, 0x0200), FcpFrames.RESPONSE_LENGTH, T1, I2);
        capture.add(new Expected(TestFrames.command(I3, T1, 0x0300), 0, 0));
        Path in = dir.resolve("generated.pcap");
        try (PcapWriter w = PcapWriter.create(in, LinkTypes.FC_2, TimestampResolution.NANOSECONDS)) {
            long t = 1_700_000_000_000_000_000L;
            for (Expected e : capture) {
                w.write(Instant.ofEpochSecond(0, t += 1_000), e.frame);
            }
        }
        return in;
    }

    private interface Writer {
        void write(byte[] frame);
    }

    private void add(FcpFrames fcp, Writer writer, int length, int sid, int did) {
        byte[] f = new byte[length];
        writer.write(f);
        capture.add(new Expected(f, sid, did));
    }

    private List<Expected> written() {
        return capture.stream().filter(e -> e.did != 0).toList();
    }

    @Test
    void pacedTheReplayKeepsTheCapturesGapsAndTheOutputStaysTheSame() throws Exception {
        Path in = dir.resolve("gap.pcap");
        try (PcapWriter w = PcapWriter.create(in, LinkTypes.FC_2, TimestampResolution.NANOSECONDS)) {
            w.write(Instant.ofEpochSecond(1_700_000_000L), TestFrames.command(I2, T1, 1));
            w.write(Instant.ofEpochSecond(1_700_000_000L, 300_000_000), TestFrames.command(I2, T1, 2));
        }
        long t0 = System.nanoTime();
        ReplayResult r = manager.replay(in, dir.resolve("paced.pcap"), false, VSAN, true, null);
        assertTrue(System.nanoTime() - t0 >= 300_000_000L, "the second frame waited for its 300 ms");
        assertEquals(2, r.framesWritten());
        assertArrayEquals(TestFrames.command(I2, T1, 2), lastFrame(dir.resolve("paced.pcap")));
    }

    private static byte[] lastFrame(Path capture) throws IOException {
        byte[] last = null;
        try (CaptureReader reader = CaptureReader.open(capture)) {
            for (CaptureRecord rec = reader.next(); rec != null; rec = reader.next()) {
                last = rec.data();
            }
        }
        return last;
    }

    @Test
    void theOutputHoldsTheFramesInInputOrderRewrittenByTheRules() throws Exception {
        Path in = generatedCapture();
        Path out = dir.resolve("out.pcap");
        List<ReplayProgress> progress = new ArrayList<>();
        ReplayResult r = manager.replay(in, out, VSAN, progress::add);
        assertEquals(capture.size(), r.packets());
        assertEquals(capture.size(), r.framesProcessed());
        assertEquals(written().size(), r.framesWritten());
        assertEquals(1L, r.drops().get(DropReason.RULE_DROP));
        assertEquals(LinkTypes.FC_2, r.linkType());
        assertFalse(progress.isEmpty());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());

        List<Expected> expected = written();
        try (CaptureReader reader = CaptureReader.open(out)) {
            int n = 0;
            for (CaptureRecord rec = reader.next(); rec != null; rec = reader.next(), n++) {
                byte[] f = rec.data();
                FrameView v = new FrameView().wrap(f, 0, f.length);
                assertEquals(expected.get(n).sid, v.sId(), "frame " + n + " S_ID");
                assertEquals(expected.get(n).did, v.dId(), "frame " + n + " D_ID");
                assertEquals(expected.get(n).frame.length, f.length);
            }
            assertEquals(expected.size(), n);
        }
        assertEquals(1, fastPath.status().workers().stream().mapToLong(w -> w.drops().get(DropReason.RULE_DROP)).sum());
    }

    @Test
    void tsharkDecodesTheRewrittenAddresses() throws Exception {
        if (!Files.isExecutable(TSHARK)) {
            fail("tshark is needed to check the replay output independently; install it with: apt-get update &&"
                    + " DEBIAN_FRONTEND=noninteractive apt-get install -y tshark");
        }
        Path out = dir.resolve("out.pcap");
        manager.replay(generatedCapture(), out, VSAN, null);
        Process p = new ProcessBuilder(TSHARK.toString(), "-r", out.toString(), "-T", "fields", "-e", "fc.d_id", "-e",
                "fc.s_id", "-e", "fc.ox_id").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark finished");
        List<String> lines = text.lines().toList();
        List<Expected> expected = written();
        assertEquals(expected.size(), lines.size(), text);
        for (int n = 0; n < lines.size(); n++) {
            String[] fields = lines.get(n).split("\t");
            assertEquals(FcId.of(expected.get(n).did).dotted(), fields[0], "frame " + n + " D_ID per tshark");
            assertEquals(FcId.of(expected.get(n).sid).dotted(), fields[1], "frame " + n + " S_ID per tshark");
        }
    }

    @Test
    void aFileThatIsNotACaptureGetsAClearErrorAndNoOutput() throws IOException {
        Path in = dir.resolve("notes.txt");
        Files.writeString(in, "these are not packets, just some notes that are long enough");
        Path out = dir.resolve("out.pcap");
        IOException e = assertThrows(IOException.class, () -> manager.replay(in, out, VSAN, null));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("bad magic"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(1, fastPath.status().sourceFailures());
    }

    /** cut.pcap: the generated capture without its last 100 bytes. */
    private Path truncatedCapture() throws IOException {
        byte[] whole = Files.readAllBytes(generatedCapture());
        Path in = dir.resolve("cut.pcap");
        Files.write(in, java.util.Arrays.copyOf(whole, whole.length - 100));
        return in;
    }

    @Test
    void aTruncatedCaptureFailsNamingTheOffsetAndLeavesNoPartialOutput() throws Exception {
        Path in = truncatedCapture();
        Path out = dir.resolve("out.pcap");
        IOException e = assertThrows(IOException.class, () -> manager.replay(in, out, VSAN, null));
        assertTrue(e.getMessage().contains("cut.pcap") && e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(out));
        assertTrue(fastPath.status().healthy() || fastPath.status().workers().stream().allMatch(w -> w.alive()),
                "the workers are untouched");
    }

    @Test
    void aMissingFileAndBadArgumentsAreRefused() {
        Path out = dir.resolve("out.pcap");
        IOException e = assertThrows(IOException.class, () -> manager.replay(dir.resolve("none.pcap"), out, VSAN, null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> manager.replay(out, out, VSAN, null));
        assertThrows(IllegalArgumentException.class, () -> manager.replay(dir.resolve("a"), out, 0, null));
    }

    @Test
    void anExistingOutputIsRefusedAndKept() throws Exception {
        Path in = generatedCapture();
        Path out = dir.resolve("mine.pcap");
        Files.writeString(out, "not the replay's");
        assertThrows(FileAlreadyExistsException.class, () -> manager.replay(in, out, VSAN, null));
        assertEquals("not the replay's", Files.readString(out));
    }

    @Test
    void aFailedReplayKeepsTheFileItWasToReplaceAndLeavesNoTemporary() throws Exception {
        Path in = truncatedCapture();
        Path out = dir.resolve("mine.pcap");
        Files.writeString(out, "not the replay's");
        assertThrows(IOException.class, () -> manager.replay(in, out, true, VSAN, null));
        assertEquals("not the replay's", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("cut.pcap", "generated.pcap", "mine.pcap"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        manager.replay(generatedCapture(), out, true, VSAN, null);
        try (CaptureReader reader = CaptureReader.open(out)) {
            assertTrue(reader.next() != null, "replaced when asked to");
        }
    }

    @Test
    void theInputUnderAnotherNameIsNeverTheOutput() throws Exception {
        Path in = generatedCapture();
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), in);
        assertThrows(IllegalArgumentException.class, () -> manager.replay(in, link, true, VSAN, null));
        assertThrows(IllegalArgumentException.class, () -> manager.replay(in, link, VSAN, null));
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void packetsWithoutAFrameAreCountedAndLeftOut() throws Exception {
        Path in = dir.resolve("mixed.pcap");
        try (PcapWriter w = PcapWriter.create(in, LinkTypes.FC_2, TimestampResolution.MICROSECONDS)) {
            w.write(Instant.EPOCH, TestFrames.command(I2, T1, 1));
            w.write(Instant.EPOCH, new byte[10]);
            w.write(Instant.EPOCH, TestFrames.response(T1, I2, 1));
        }
        ReplayResult r = manager.replay(in, dir.resolve("out.pcap"), VSAN, null);
        assertEquals(3, r.packets());
        assertEquals(1, r.undecodable());
        assertEquals(2, r.framesWritten());
    }
}
