package org.fcredirect.fastpath.impl;

/** A fast path setting outside its rule; names the key, the value and the rule. */
final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    final String key;
    final String value;
    final String rule;

    InvalidSettingException(String key, Object value, String rule) {
        super("fast path setting " + key + "=" + value + " rejected: " + rule);
        this.key = key;
        this.value = String.valueOf(value);
        this.rule = rule;
    }
}
