package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The short names of R_CTL, TYPE and F_CTL values shown in logs and the CLI. */
class FrameCodesTest {

    @Test
    void rCtlNames() {
        assertEquals("FCP_CMND", RCtl.name(RCtl.FCP_CMND));
        assertEquals("FCP_DATA", RCtl.name(RCtl.FCP_DATA));
        assertEquals("XFER_RDY", RCtl.name(RCtl.FCP_XFER_RDY));
        assertEquals("FCP_RSP", RCtl.name(RCtl.FCP_RSP));
        assertEquals("ELS_REQ", RCtl.name(RCtl.ELS_REQUEST));
        assertEquals("ABTS", RCtl.name(RCtl.BLS_ABTS));
        assertEquals("FCP_CMND", RCtl.name(0x100 | RCtl.FCP_CMND), "only the low byte counts");
        assertEquals("0x99", RCtl.name(0x99));
        assertEquals("0x00", RCtl.name(0));
    }

    @Test
    void everyNamedRCtlHasADistinctName() {
        Set<String> names = new HashSet<>();
        int named = 0;
        for (int v = 0; v <= 0xFF; v++) {
            String name = RCtl.name(v);
            if (!name.startsWith("0x")) {
                named++;
                assertTrue(names.add(name), name);
            }
        }
        assertEquals(21, named);
    }

    @Test
    void typeNames() {
        assertEquals("FCP", FcType.name(FcType.FCP));
        assertEquals("BLS", FcType.name(FcType.BLS));
        assertEquals("ELS", FcType.name(FcType.ELS));
        assertEquals("FC_CT", FcType.name(FcType.FC_CT));
        assertEquals("NVMe", FcType.name(FcType.NVME));
        assertEquals("FCP", FcType.name(0x708), "only the low byte counts");
        assertEquals("0xff", FcType.name(0xFF));
    }

    @Test
    void fCtlDescriptions() {
        assertEquals("-", FCtl.describe(0));
        assertEquals("FIRST_SEQ|END_SEQ|SI",
                FCtl.describe(FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE));
        assertEquals("X_CTX|SEQ_CTX|LAST_SEQ|REL_OFF|FILL=3",
                FCtl.describe(FCtl.EXCHANGE_CONTEXT | FCtl.SEQUENCE_CONTEXT | FCtl.LAST_SEQUENCE
                        | FCtl.RELATIVE_OFFSET | 3));
        assertEquals("PRIO|RETX|XCHG_REASM",
                FCtl.describe(FCtl.PRIORITY_ENABLE | FCtl.RETRANSMITTED_SEQUENCE | FCtl.EXCHANGE_REASSEMBLY));
    }

    @Test
    void fCtlBitPositions() {
        // FCP_CMND's usual 0x290000: first sequence, end sequence, sequence initiative
        assertEquals(0x290000, FCtl.FIRST_SEQUENCE | FCtl.END_SEQUENCE | FCtl.SEQUENCE_INITIATIVE);
        assertEquals(0x800000, FCtl.EXCHANGE_CONTEXT);
        assertEquals(0x000008, FCtl.RELATIVE_OFFSET);
    }
}
