package org.fcredirect.storage.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ChangeGuardTest {
    private final ChangeGuard guard = new ChangeGuard("node-2", 0x1234_5678_9abcL, 7, 4711, 3);

    @Test
    void roundTrips() {
        assertEquals(guard, ChangeGuard.decode(guard.encode()));
        assertEquals(ChangeGuard.TYPE, guard.event("flow").type());
        assertArrayEquals(guard.encode(), guard.event("flow").payload());
    }

    @Test
    void refusesEveryTruncation() {
        byte[] full = guard.encode();
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(cut), "cut at " + n);
        }
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] bytes = guard.encode();
        bytes[0] = 9;
        assertEquals("change guard of unknown format version 9",
                assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(bytes)).getMessage());
    }

    @Test
    void refusesTrailingBytes() {
        byte[] longer = Arrays.copyOf(guard.encode(), guard.encode().length + 2);
        assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(longer));
    }

    @Test
    void refusesANegativeBaseOrCount() {
        byte[] bytes = new ChangeGuard("n", 1, 1, 0, 0).encode();
        bytes[bytes.length - 1] = (byte) 0xff;
        bytes[bytes.length - 4] = (byte) 0xff;
        assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(bytes));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("n", 1, 1, -1, 0));
    }

    @Test
    void refusesAnEmptyOrLongWriter() {
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("", 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard(null, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("x".repeat(129), 1, 1, 0, 0));
    }
}
