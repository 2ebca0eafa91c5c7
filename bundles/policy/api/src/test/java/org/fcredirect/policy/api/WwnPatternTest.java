package org.fcredirect.policy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ValidationException;
import org.junit.jupiter.api.Test;

class WwnPatternTest {

    @Test
    void parsesAnyExactAndBothPrefixForms() {
        Wwn w = Wwn.parse("20:00:00:25:b5:00:00:01");
        assertTrue(WwnPattern.parse("initiator", "*").matches(w));
        assertTrue(WwnPattern.parse("initiator", "20:00:00:25:b5:00:00:01").matches(w));
        assertTrue(WwnPattern.parse("initiator", "20:00:00:25:b5:*").matches(w));
        assertTrue(WwnPattern.parse("initiator", "20000025b*").matches(w));
        assertFalse(WwnPattern.parse("initiator", "21:*").matches(w));
        assertEquals("20:00:00:25:b5:*", WwnPattern.parse("x", "20000025B5*").toString());
        assertEquals("20000025b*", WwnPattern.parse("x", "20000025b*").toString());
    }

    @Test
    void refusesPatternsThatMatchNothingOrAreMalformed() {
        ValidationException reserved = assertThrows(ValidationException.class, () -> WwnPattern.parse("target", "0*"));
        assertEquals("target", reserved.field());
        assertTrue(reserved.getMessage().contains("matches nothing"), reserved.getMessage());
        assertThrows(ValidationException.class, () -> WwnPattern.parse("target", "20:0*"));
        assertThrows(ValidationException.class, () -> WwnPattern.parse("target", "2g*"));
        assertThrows(ValidationException.class, () -> WwnPattern.parse("target", "*1"));
        assertThrows(ValidationException.class, () -> WwnPattern.parse("target", "2000000000000000*"));
    }
}
