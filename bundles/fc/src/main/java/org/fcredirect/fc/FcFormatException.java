package org.fcredirect.fc;

/**
 * Input that is not a valid Fibre Channel value, frame or file. The message always names the
 * input and what is wrong with it, so an operator can act on it without a stack trace.
 */
public class FcFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FcFormatException(String message) {
        super(message);
    }

    public FcFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what 'input': problem}, with long input shortened. */
    public static FcFormatException of(String what, Object input, String problem) {
        return new FcFormatException(what + " '" + abbreviate(String.valueOf(input)) + "': " + problem);
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
