package org.fcredirect.fc.io;

import java.io.IOException;

/** Input refused by a {@link BoundedReader}: too large as a whole, or one line too long. */
public final class InputLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String problem;

    InputLimitException(String input, int line, String problem) {
        super(input + ", line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** 1-based line where the limit was reached. */
    public int line() {
        return line;
    }

    /** What limit, without the input's name and the line. */
    public String problem() {
        return problem;
    }
}
