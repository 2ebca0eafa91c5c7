package org.fcredirect.config.api;

import java.util.Locale;

/** The value type of a setting, as its metatype declares it. */
public enum SettingType {
    STRING, LONG, INTEGER, SHORT, CHARACTER, BYTE, DOUBLE, FLOAT, BOOLEAN,
    /** Shown masked and never managed by the configuration service: its history is not secret. */
    PASSWORD;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
