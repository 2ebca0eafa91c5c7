package org.fcredirect.config.api;

import java.util.Objects;

/** One allowed value of a setting that has a fixed set of them. */
public record SettingOption(String value, String label) {

    public SettingOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
