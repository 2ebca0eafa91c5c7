package org.fcredirect.fc.testing;

import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fcredirect.fc.FcFormatException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a decoder rejects input with an {@link FcFormatException} whose message says why. */
public final class Malformed {
    private Malformed() {
    }

    /** @param problem fragments that must all appear in the message */
    public static FcFormatException rejects(Executable decode, String... problem) {
        FcFormatException e = assertThrowsExactly(FcFormatException.class, decode);
        String m = e.getMessage();
        for (String p : problem) {
            assertTrue(m.contains(p), () -> "message does not say \"" + p + "\": " + m);
        }
        return e;
    }
}
