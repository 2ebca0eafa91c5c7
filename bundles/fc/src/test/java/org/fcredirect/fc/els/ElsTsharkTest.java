package org.fcredirect.fc.els;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.fc.capture.PcapWriter;
import org.fcredirect.fc.capture.TimestampResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as the independent judge of the ELS builders: tshark reads each frame's addresses,
 * command and port name back and finds nothing malformed. Requires tshark; fails without it.
 */
class ElsTsharkTest {
    static final Path TSHARK = Path.of("/usr/bin/tshark");
    static final Wwn PORT = Wwn.parse("20:00:00:25:b5:0a:00:01");
    static final Wwn TARGET = Wwn.parse("50:06:01:60:3b:a0:00:01");

    @TempDir
    Path dir;

    @Test
    void tsharkReadsEveryLoginFrameAsBuilt() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(TSHARK), "tshark is needed: apt-get install -y tshark");
        int fabric = ElsFrames.FABRIC_CONTROLLER;
        List<byte[]> frames = List.of(
                ElsFrames.request(ElsFrames.UNIDENTIFIED, fabric, 1, ElsPayloads.flogi(PORT, PORT)),
                ElsFrames.reply(fabric, 0x0a0100, 1, 1, ElsPayloads.acceptLogin(PORT, PORT)),
                ElsFrames.request(ElsFrames.UNIDENTIFIED, fabric, 2, ElsPayloads.fdisc(PORT, PORT)),
                ElsFrames.request(0x0a0100, 0x0a0200, 3, ElsPayloads.plogi(PORT, PORT)),
                ElsFrames.reply(0x0a0200, 0x0a0100, 3, 3, ElsPayloads.reject(ElsPayloads.REJECT_UNABLE, 0)),
                ElsFrames.request(0x0a0100, fabric, 4, ElsPayloads.logo(0x0a0100, PORT)),
                ElsFrames.reply(fabric, 0x0a0100, 4, 4, ElsPayloads.accept()));
        Path capture = dir.resolve("els.pcap");
        try (PcapWriter w = PcapWriter.create(capture, LinkTypes.FC_2, TimestampResolution.NANOSECONDS)) {
            for (byte[] f : frames) {
                w.write(Instant.EPOCH, f);
            }
        }
        Process p = new ProcessBuilder(TSHARK.toString(), "-r", capture.toString(), "-T", "fields", "-e", "fc.s_id",
                "-e", "fc.d_id", "-e", "fcels.opcode", "-e", "fcels.npname", "-e", "fcels.rjt.reason", "-e",
                "_ws.malformed").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(l -> l.replace('\t', '|')).toList();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(
                "00.00.00|ff.ff.fe|0x04|20:00:00:25:b5:0a:00:01||",
                "ff.ff.fe|0a.01.00|0x02|20:00:00:25:b5:0a:00:01||",
                "00.00.00|ff.ff.fe|0x51|20:00:00:25:b5:0a:00:01||",
                "0a.01.00|0a.02.00|0x03|20:00:00:25:b5:0a:00:01||",
                "0a.02.00|0a.01.00|0x01||0x09|",
                "0a.01.00|ff.ff.fe|0x05|20:00:00:25:b5:0a:00:01||",
                "ff.ff.fe|0a.01.00|0x02|||"), lines);
    }
}
