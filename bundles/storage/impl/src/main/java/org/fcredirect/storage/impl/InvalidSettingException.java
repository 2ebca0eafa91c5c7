package org.fcredirect.storage.impl;

import org.fcredirect.storage.api.StorageException;

/** A storage setting outside its rule; names the key, the value and the rule. */
public final class InvalidSettingException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;
    private final String rule;

    public InvalidSettingException(String key, Object value, String rule) {
        super("storage setting " + key + "=" + value + " rejected: " + rule);
        this.key = key;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }
}
