package org.fcredirect.config.api;

import java.util.List;
import java.util.stream.Collectors;

/** Settings refused by their services' metatype rules; the running settings stay as they were. */
public class ConfigValidationException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final transient List<SettingError> errors;

    public ConfigValidationException(List<SettingError> errors) {
        super(errors.stream().map(SettingError::message).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every setting refused, in the order given. */
    public List<SettingError> errors() {
        return errors;
    }
}
