package org.fcredirect.fc.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text an operator points an import at, up to a size and a line length: a wrong file (a
 * disk image, a capture, one endless line) is refused at the limit with one clear line instead
 * of filling the heap.
 */
public final class BoundedReader extends Reader {
    private final Reader in;
    private final String input;
    private final long maxChars;
    private final int maxLineChars;
    private long chars;
    private int lineChars;
    private int line = 1;

    /**
     * @param input names the input in errors, e.g. {@code "flow import"}
     * @param maxChars the most characters the whole input may hold
     * @param maxLineChars the most characters one line may hold, without its line break
     */
    public BoundedReader(Reader in, String input, long maxChars, int maxLineChars) {
        this.in = in;
        this.input = input;
        this.maxChars = maxChars;
        this.maxLineChars = maxLineChars;
    }

    /** @throws InputLimitException when the input goes past a limit */
    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\n') {
                line++;
                lineChars = 0;
            } else if (c != '\r' && ++lineChars > maxLineChars) {
                throw new InputLimitException(input, line, "longer than " + maxLineChars
                        + " characters, the most a line may hold");
            }
        }
        if (n > 0) {
            chars += n;
            if (chars > maxChars) {
                throw new InputLimitException(input, line, "the input goes past " + maxChars
                        + " characters, the most it may hold");
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
