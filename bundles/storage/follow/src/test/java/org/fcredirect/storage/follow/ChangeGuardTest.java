package org.fcredirect.storage.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.follow.ChangeGuard.Guarded;
import org.fcredirect.storage.follow.ChangeGuard.Inner;
import org.junit.jupiter.api.Test;

class ChangeGuardTest {
    private final ChangeGuard guard = new ChangeGuard("node-2", 0x1234_5678_9abcL, 7, 4711);
    private final List<Inner> events = List.of(new Inner("flows-created", new byte[] {1, 2, 3}),
            new Inner("flows-decided", new byte[0]));

    @Test
    void carriesItsEventsInOneEvent() {
        NewEvent e = guard.wrap("flow", events);
        assertEquals(ChangeGuard.TYPE, e.type());
        Guarded back = ChangeGuard.decode(e.payload());
        assertEquals(guard, back.guard());
        assertEquals(2, back.events().size());
        assertEquals("flows-created", back.events().get(0).type());
        assertArrayEquals(new byte[] {1, 2, 3}, back.events().get(0).payload());
        assertArrayEquals(new byte[0], back.events().get(1).payload());
        assertTrue(guard.encodedSize(events) >= e.payload().length, "the size estimate is an upper bound");
    }

    @Test
    void refusesEveryTruncation() {
        byte[] full = guard.encode(events);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(cut), "cut at " + n);
        }
    }

    @Test
    void refusesAnUnknownVersion() {
        byte[] bytes = guard.encode(events);
        bytes[0] = 9;
        assertEquals("guarded change of unknown format version 9",
                assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(bytes)).getMessage());
    }

    @Test
    void refusesTrailingBytes() {
        byte[] longer = Arrays.copyOf(guard.encode(events), guard.encode(events).length + 2);
        assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(longer));
    }

    @Test
    void refusesAnImpossibleCountOrLength() {
        byte[] bytes = new ChangeGuard("n", 1, 1, 0).encode(List.of(new Inner("t", new byte[4])));
        byte[] count = bytes.clone();
        count[30] = (byte) 0x7f;
        assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(count));
        byte[] length = bytes.clone();
        length[length.length - 8] = (byte) 0x7f;
        assertThrows(IllegalArgumentException.class, () -> ChangeGuard.decode(length));
    }

    @Test
    void refusesANegativeBaseAndAnEmptyOrLongWriter() {
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("n", 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("", 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard(null, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeGuard("x".repeat(129), 1, 1, 0));
    }
}
