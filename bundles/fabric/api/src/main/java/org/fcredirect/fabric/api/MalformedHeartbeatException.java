package org.fcredirect.fabric.api;

/** Bytes that are not a heartbeat this version can read; the message says what is wrong. */
public class MalformedHeartbeatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedHeartbeatException(String message) {
        super(message);
    }

    public MalformedHeartbeatException(String message, Throwable cause) {
        super(message, cause);
    }
}
