package org.fcredirect.storage.api;

/**
 * A storage operation that could not be carried out: bad input, a closed or faulted log, an I/O
 * error, corrupt stored data. The message names the value, the rule or the location, so an
 * operator can act on it without a stack trace.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
