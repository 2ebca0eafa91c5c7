package org.fcredirect.json;

/** A text that is not the JSON expected, with the line and column (both from 1) at fault. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    public JsonException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position, for callers that report the position their own way. */
    public String problem() {
        return problem;
    }
}
