package org.fcredirect.fc;

import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts the contract of every parser: the exception type and a message naming input and problem. */
final class Rejects {
    private Rejects() {
    }

    /**
     * @param input   the offending input as the message must quote it
     * @param problem fragments of the problem description, each of which must appear
     */
    static FcFormatException rejects(Executable parse, String input, String... problem) {
        FcFormatException e = assertThrowsExactly(FcFormatException.class, parse);
        String m = e.getMessage();
        assertTrue(m.contains("'" + input + "'"), () -> "message does not quote the input '" + input + "': " + m);
        for (String p : problem) {
            assertTrue(m.contains(p), () -> "message does not say \"" + p + "\": " + m);
        }
        return e;
    }
}
