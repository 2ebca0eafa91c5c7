package org.fcredirect.config.impl;

import java.util.List;

import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.api.ImportError;

/**
 * A configuration descriptor as read, with the line of everything in it, and the faults of its
 * form (the settings themselves are checked against the metatype afterwards).
 */
record Descriptor(List<FeatureLine> features, List<Section> sections, List<ImportError> errors) {
    static final String FORMAT_LINE = "fcr-config 1";
    static final String FEATURES = "features";

    Descriptor {
        features = List.copyOf(features);
        sections = List.copyOf(sections);
        errors = List.copyOf(errors);
    }

    record FeatureLine(int line, FeatureRef feature) {
    }

    /** A {@code [pid]} section and its {@code key = value} lines. */
    record Section(int line, String pid, List<Entry> entries) {
        Section {
            entries = List.copyOf(entries);
        }
    }

    record Entry(int line, String key, String value) {
    }
}
