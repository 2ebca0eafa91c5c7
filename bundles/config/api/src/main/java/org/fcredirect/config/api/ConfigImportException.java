package org.fcredirect.config.api;

import java.util.List;
import java.util.stream.Collectors;

/** A descriptor refused as a whole: nothing of it was applied. */
public class ConfigImportException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;

    public ConfigImportException(List<ImportError> errors) {
        super(errors.size() + " error(s): " + errors.stream().map(ImportError::message).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every fault found, by line. */
    public List<ImportError> errors() {
        return errors;
    }
}
