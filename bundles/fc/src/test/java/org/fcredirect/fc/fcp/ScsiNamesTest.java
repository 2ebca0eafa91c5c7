package org.fcredirect.fc.fcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScsiNamesTest {

    @Test
    void namesOpcodes() {
        assertEquals("READ(10)", ScsiOpcode.name(0x28));
        assertEquals("WRITE(16)", ScsiOpcode.name(ScsiOpcode.WRITE_16));
        assertEquals("REPORT LUNS", ScsiOpcode.name(0xA0));
        assertEquals("TEST UNIT READY", ScsiOpcode.name(0));
        assertEquals("0xc1", ScsiOpcode.name(0xC1));
        assertTrue(ScsiOpcode.isRead(ScsiOpcode.READ_16));
        assertTrue(ScsiOpcode.isWrite(ScsiOpcode.WRITE_12));
        assertFalse(ScsiOpcode.isRead(ScsiOpcode.INQUIRY));
    }

    @Test
    void namesStatuses() {
        assertEquals("GOOD", ScsiStatus.name(0));
        assertEquals("CHECK CONDITION", ScsiStatus.name(2));
        assertEquals("TASK SET FULL", ScsiStatus.name(0x28));
        assertEquals("BUSY", ScsiStatus.name(ScsiStatus.BUSY));
        assertEquals("0x03", ScsiStatus.name(3));
    }
}
