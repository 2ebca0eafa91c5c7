package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fcredirect.fc.FCtl;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameHeader;
import org.fcredirect.fc.FrameView;

/** FCP frames for captures the ITs replay, and tshark's reading of the rewritten ones. */
final class FcpCaptures {
    static final Path TSHARK = Path.of("/usr/bin/tshark");

    private FcpCaptures() {
    }

    static byte[] fcp(int rctl, int sid, int did, int ox, boolean fromTarget, byte[] payload) {
        int fctl = FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE
                | (fromTarget ? FCtl.EXCHANGE_CONTEXT : 0);
        byte[] f = new byte[FrameView.HEADER_LENGTH + payload.length];
        FrameHeader.builder().rCtl(rctl).type(FcType.FCP).sId(FcId.of(sid)).dId(FcId.of(did)).fCtl(fctl).oxId(ox)
                .rxId(fromTarget ? ox : 0xFFFF).build().encode(f, 0);
        System.arraycopy(payload, 0, f, FrameView.HEADER_LENGTH, payload.length);
        return f;
    }

    static String addresses(int did, int sid) {
        return FcId.of(did).dotted() + " " + FcId.of(sid).dotted();
    }

    /** D_ID and S_ID of every FCP frame in the capture, as tshark decodes them. */
    static List<String> tsharkFcp(Path capture) throws IOException, InterruptedException {
        assertTrue("tshark is needed to read the replay's output independently: apt-get install -y tshark",
                Files.isExecutable(TSHARK));
        Process p = new ProcessBuilder(TSHARK.toString(), "-r", capture.toString(), "-Y", "fc.type == 0x08", "-T",
                "fields", "-e", "fc.d_id", "-e", "fc.s_id").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .forEach(l -> lines.add(l.replace('\t', ' ')));
        assertTrue("tshark finished", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return lines;
    }
}
