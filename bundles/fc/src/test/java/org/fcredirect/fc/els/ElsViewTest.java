package org.fcredirect.fc.els;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;
import org.fcredirect.fc.Wwn;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ElsViewTest {
    static final Wwn PORT = Wwn.parse("20:00:00:25:b5:0a:00:01");
    static final Wwn NODE = Wwn.parse("20:00:00:25:b5:0a:00:ff");

    private final ElsView view = new ElsView();

    @Test
    void readsTheNamesOfEveryLogin() {
        for (byte[] p : new byte[][] {ElsPayloads.flogi(PORT, NODE), ElsPayloads.fdisc(PORT, NODE),
                ElsPayloads.plogi(PORT, NODE), ElsPayloads.acceptLogin(PORT, NODE)}) {
            assertEquals(ElsView.OK, view.wrap(p, 0, p.length));
            assertEquals(PORT.value(), view.portName());
            assertEquals(NODE.value(), view.nodeName());
            assertTrue(view.hasServiceParameters());
        }
        byte[] flogi = ElsPayloads.flogi(PORT, NODE);
        view.wrap(flogi, 0, flogi.length);
        assertEquals(ElsCommand.FLOGI, view.command());
    }

    @Test
    void readsALogoAtAnOffset() {
        byte[] logo = ElsPayloads.logo(0x0a0100, PORT);
        byte[] buf = new byte[7 + logo.length];
        System.arraycopy(logo, 0, buf, 7, logo.length);
        assertEquals(ElsView.OK, view.wrap(buf, 7, logo.length));
        assertEquals(ElsCommand.LOGO, view.command());
        assertEquals(0x0a0100, view.nPortId());
        assertEquals(PORT.value(), view.portName());
        assertFalse(view.hasServiceParameters());
    }

    @Test
    void readsARejectAndABareAccept() {
        byte[] rjt = ElsPayloads.reject(ElsPayloads.REJECT_UNABLE, 0x2a);
        assertEquals(ElsView.OK, view.wrap(rjt, 0, rjt.length));
        assertEquals(ElsCommand.LS_RJT, view.command());
        assertEquals(ElsPayloads.REJECT_UNABLE, view.rejectReason());
        assertEquals(0x2a, view.rejectExplanation());
        byte[] acc = ElsPayloads.accept();
        assertEquals(ElsView.OK, view.wrap(acc, 0, acc.length));
        assertFalse(view.hasServiceParameters());
    }

    @Test
    void aLoginOneByteShortIsMalformed() {
        for (byte[] p : new byte[][] {ElsPayloads.flogi(PORT, NODE), ElsPayloads.fdisc(PORT, NODE),
                ElsPayloads.plogi(PORT, NODE)}) {
            assertEquals(ElsView.MALFORMED_SHORT, view.wrap(p, 0, p.length - 1), ElsCommand.name(p[0]));
        }
        byte[] logo = ElsPayloads.logo(0x0a0100, PORT);
        assertEquals(ElsView.MALFORMED_SHORT, view.wrap(logo, 0, logo.length - 1));
        byte[] rjt = ElsPayloads.reject(1, 0);
        assertEquals(ElsView.MALFORMED_SHORT, view.wrap(rjt, 0, rjt.length - 1));
        assertEquals(ElsView.MALFORMED_SHORT, view.wrap(new byte[] {ElsCommand.LS_ACC, 0, 0}, 0, 3));
        assertEquals(ElsView.MALFORMED_SHORT, view.wrap(new byte[0], 0, 0));
    }

    @Test
    void reservedBytesSetAreMalformed() {
        byte[] flogi = ElsPayloads.flogi(PORT, NODE);
        flogi[2] = 1;
        assertEquals(ElsView.MALFORMED_RESERVED, view.wrap(flogi, 0, flogi.length));
        byte[] logo = ElsPayloads.logo(0x0a0100, PORT);
        logo[4] = 1;
        assertEquals(ElsView.MALFORMED_RESERVED, view.wrap(logo, 0, logo.length));
        byte[] rjt = ElsPayloads.reject(1, 0);
        rjt[4] = 1;
        assertEquals(ElsView.MALFORMED_RESERVED, view.wrap(rjt, 0, rjt.length));
    }

    @Test
    void otherCommandsAreNotRead() {
        byte[] prli = new byte[20];
        prli[0] = 0x20;
        assertEquals(ElsView.UNSUPPORTED_COMMAND, view.wrap(prli, 0, prli.length));
        assertFalse(ElsCommand.isLoginRequest(0x20));
        assertEquals("0x20", ElsCommand.name(0x20));
        assertTrue(ElsView.describe(ElsView.UNSUPPORTED_COMMAND).contains("FLOGI"));
    }

    @Property
    void anyTruncationOfALoginIsShortNeverAnException(@ForAll @IntRange(min = 0, max = 115) int len) {
        byte[] p = ElsPayloads.plogi(PORT, NODE);
        assertEquals(ElsView.MALFORMED_SHORT, view.wrap(Arrays.copyOf(p, len), 0, len));
    }

    @Property
    void randomPayloadsGetAResultNeverAnException(@ForAll byte[] payload) {
        int r = view.wrap(payload, 0, payload.length);
        assertTrue(r >= ElsView.OK && r <= ElsView.UNSUPPORTED_COMMAND);
    }

    @Test
    void framesCarryTheElsHeader() {
        byte[] req = ElsFrames.request(ElsFrames.UNIDENTIFIED, ElsFrames.FABRIC_CONTROLLER, 0x1234,
                ElsPayloads.flogi(PORT, NODE));
        FrameView f = new FrameView().wrap(req, 0, req.length);
        assertEquals(FrameView.OK, f.check());
        assertEquals(RCtl.ELS_REQUEST, f.rCtl());
        assertEquals(FcType.ELS, f.type());
        assertEquals(ElsFrames.FABRIC_CONTROLLER, f.dId());
        assertEquals(0, f.sId());
        assertEquals(0x1234, f.oxId());
        assertFalse(f.fromResponder());
        byte[] rep = ElsFrames.reply(ElsFrames.FABRIC_CONTROLLER, 0x0a0100, 0x1234, 0x0001, ElsPayloads.reject(1, 0));
        f.wrap(rep, 0, rep.length);
        assertEquals(RCtl.ELS_REPLY, f.rCtl());
        assertTrue(f.fromResponder());
        assertEquals(0x0a0100, f.dId());
        assertEquals(ElsView.OK, view.wrap(rep, f.payloadOffset(), f.payloadLength() - f.fillBytes()));
    }
}
