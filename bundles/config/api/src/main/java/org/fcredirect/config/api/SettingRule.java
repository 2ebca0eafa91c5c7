package org.fcredirect.config.api;

import java.util.Locale;

/** The rule a refused setting broke. */
public enum SettingRule {
    /** No fc-redirect service has settings under this PID. */
    UNKNOWN_PID,
    /** The service has no setting of this key. */
    UNKNOWN_KEY,
    /** Not a value of the setting's type (or a password, which is not managed here). */
    TYPE,
    MIN,
    MAX,
    /** Not one of the allowed values. */
    OPTIONS,
    /** More values than the setting takes. */
    CARDINALITY,
    /** A required setting without a default left without a value. */
    REQUIRED;

    /** e.g. {@code unknown-key}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
