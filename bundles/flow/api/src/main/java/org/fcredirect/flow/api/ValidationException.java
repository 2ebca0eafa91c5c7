package org.fcredirect.flow.api;

/**
 * Input refused before anything changed. The message reads {@code field 'value': problem}, so an
 * operator can act on it; {@link #field()} names the field for tools that highlight it.
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ValidationException(String field, Object value, String problem) {
        super(field + " '" + abbreviate(String.valueOf(value)) + "': " + problem);
        this.field = field;
    }

    /** Wraps a parse error of a field (its message already names the input). */
    public ValidationException(String field, IllegalArgumentException cause) {
        super(field + ": " + cause.getMessage(), cause);
        this.field = field;
    }

    protected ValidationException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The input field at fault, e.g. {@code initiator}, {@code vsan}, {@code appliance}. */
    public String field() {
        return field;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
