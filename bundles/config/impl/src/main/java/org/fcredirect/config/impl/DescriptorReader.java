package org.fcredirect.config.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.api.ImportError;
import org.fcredirect.config.impl.Descriptor.Entry;
import org.fcredirect.config.impl.Descriptor.FeatureLine;
import org.fcredirect.config.impl.Descriptor.Section;
import org.fcredirect.fc.io.BoundedReader;
import org.fcredirect.fc.io.InputLimitException;

/** Reads a descriptor's form, collecting every fault with its line rather than stopping at the first. */
final class DescriptorReader {
    /** A descriptor holds every setting of every service: a few kilobytes, so 1 MiB is plenty. */
    static final long MAX_CHARS = 1 << 20;
    static final int MAX_LINE_CHARS = 4 << 10;
    private final List<FeatureLine> features = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<ImportError> errors = new ArrayList<>();
    private final Set<String> sectionNames = new HashSet<>();
    private String section;
    private int sectionLine;
    private List<Entry> entries;
    private Set<String> keys;

    private DescriptorReader() {
    }

    static Descriptor read(Reader in) throws IOException {
        DescriptorReader r = new DescriptorReader();
        try {
            r.readLines(new BufferedReader(new BoundedReader(in, "configuration import", MAX_CHARS, MAX_LINE_CHARS)));
        } catch (InputLimitException e) {
            r.errors.add(new ImportError(e.line(), "input", e.problem()));
        }
        return new Descriptor(r.features, r.sections, r.errors);
    }

    private void readLines(BufferedReader in) throws IOException {
        boolean headerSeen = false;
        int number = 0;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.replaceAll("\\s+", " ").equals(Descriptor.FORMAT_LINE)) {
                    errors.add(new ImportError(number, "header", "expected '" + Descriptor.FORMAT_LINE
                            + "' as the first line, found '" + abbreviate(line) + "'"));
                    return;
                }
                headerSeen = true;
            } else if (line.startsWith("[")) {
                openSection(number, line);
            } else {
                entry(number, line);
            }
        }
        closeSection();
        if (!headerSeen) {
            errors.add(new ImportError(Math.max(number, 1), "header", "the file is empty: expected '"
                    + Descriptor.FORMAT_LINE + "'"));
        }
    }

    private void openSection(int number, String line) {
        closeSection();
        if (!line.endsWith("]") || line.length() < 3) {
            errors.add(new ImportError(number, "section", "expected [features] or [PID], found '"
                    + abbreviate(line) + "'"));
            return;
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (!sectionNames.add(name)) {
            errors.add(new ImportError(number, name, "section given twice"));
            return;
        }
        section = name;
        sectionLine = number;
        entries = new ArrayList<>();
        keys = new HashSet<>();
    }

    private void entry(int number, String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            errors.add(new ImportError(number, section == null ? "line" : section, "expected 'key = value', found '"
                    + abbreviate(line) + "'"));
            return;
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (section == null) {
            errors.add(new ImportError(number, key, "outside a section: put it under [features] or [PID]"));
            return;
        }
        String field = section.equals(Descriptor.FEATURES) ? Descriptor.FEATURES + "/" + key : section + "/" + key;
        if (!keys.add(key)) {
            errors.add(new ImportError(number, field, "given twice in its section"));
        } else if (section.equals(Descriptor.FEATURES)) {
            if (value.isEmpty()) {
                errors.add(new ImportError(number, field, "needs a version: name = version"));
            } else {
                features.add(new FeatureLine(number, new FeatureRef(key, value)));
            }
        } else {
            entries.add(new Entry(number, key, value));
        }
    }

    private void closeSection() {
        if (section != null && !section.equals(Descriptor.FEATURES)) {
            sections.add(new Section(sectionLine, section, entries));
        }
        section = null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
