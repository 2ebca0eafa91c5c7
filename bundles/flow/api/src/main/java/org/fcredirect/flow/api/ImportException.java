package org.fcredirect.flow.api;

/** A bulk import refused as a whole because of one line; nothing was imported. */
public class ImportException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param line 1-based line of the input at fault
     * @param field the field at fault, or empty when the line as a whole is
     * @param message what is wrong, naming the field and value
     */
    public ImportException(int line, String field, String message, Throwable cause) {
        super(field, "line " + line + ": " + message, cause);
        this.line = line;
    }

    /** 1-based line of the input at fault. */
    public int line() {
        return line;
    }
}
