package org.fcredirect.flow.api;

/**
 * A change was valid but the event log did not store it, so it was not made: the state is as it
 * was. Retrying is safe once the log works again.
 */
public class NotStoredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
