package org.fcredirect.config.api;

/** A configuration request refused or failed; nothing was applied. The message says why, in one line. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
