package org.fcredirect.flow.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fcredirect.fc.io.InputLimitException;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.ImportException;
import org.fcredirect.flow.api.ValidationException;

/**
 * Reads the CSV import format: a header naming the columns (any order, vsan, initiator and target
 * required), one flow per line, {@code #} comments and blank lines skipped, values optionally
 * double-quoted with {@code ""} for a quote inside. A quoted value cannot span lines.
 */
final class CsvFlowReader {
    private static final List<String> REQUIRED = List.of(FlowSpec.VSAN, FlowSpec.INITIATOR, FlowSpec.TARGET);

    private CsvFlowReader() {
    }

    /** @throws ImportException naming the first line at fault */
    static List<ParsedFlow> read(Reader input) {
        List<ParsedFlow> flows = new ArrayList<>();
        BufferedReader in = new BufferedReader(input, 1 << 16);
        List<String> header = null;
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                List<String> values = split(line, lineNumber);
                if (header == null) {
                    header = header(values, lineNumber);
                    continue;
                }
                if (values.size() != header.size()) {
                    throw new ImportException(lineNumber, "", "has " + values.size() + " values; the header has "
                            + header.size() + " columns", null);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), values.get(i));
                }
                flows.add(new ParsedFlow(lineNumber, spec(fields, lineNumber)));
            }
        } catch (InputLimitException e) {
            throw new ImportException(e.line(), "", e.problem(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the CSV import at line " + lineNumber, e);
        }
        if (header == null && lineNumber > 0) {
            throw new ImportException(lineNumber, "", "no header line: expected columns like "
                    + String.join(",", FlowSpec.FIELDS), null);
        }
        return flows;
    }

    static FlowSpec spec(Map<String, String> fields, int line) {
        try {
            return FlowSpec.fromFields(fields);
        } catch (ValidationException e) {
            throw new ImportException(line, e.field(), e.getMessage(), e);
        }
    }

    private static List<String> header(List<String> names, int line) {
        Set<String> seen = new HashSet<>();
        List<String> columns = new ArrayList<>(names.size());
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!FlowSpec.FIELDS.contains(name)) {
                throw new ImportException(line, name, "header column '" + name + "' is not a flow field; the fields are "
                        + String.join(", ", FlowSpec.FIELDS), null);
            }
            if (!seen.add(name)) {
                throw new ImportException(line, name, "header column '" + name + "' appears twice", null);
            }
            columns.add(name);
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                throw new ImportException(line, required, "the header has no '" + required + "' column", null);
            }
        }
        return columns;
    }

    /** The comma-separated values of one line. */
    static List<String> split(String line, int lineNumber) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            boolean quoted = i < n && line.charAt(i) == '"';
            if (quoted) {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new ImportException(lineNumber, "", "a quoted value has no closing quote", null);
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new ImportException(lineNumber, "", "unexpected '" + line.charAt(i)
                            + "' after a quoted value at column " + (i + 1), null);
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    value.append(line.charAt(i++));
                }
            }
            values.add(quoted ? value.toString() : value.toString().strip());
            value.setLength(0);
            if (i >= n) {
                return values;
            }
            i++;
        }
    }
}
