package org.fcredirect.flow.impl;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.json.JsonWriter;
import org.fcredirect.json.Spacing;

/** Writes flow specs in the import formats, so an export reads back as the same flows. */
final class FlowExporter {
    private final Writer out;
    private final FlowFormat format;
    private int written;

    FlowExporter(Writer out, FlowFormat format) {
        this.out = out;
        this.format = format;
    }

    void begin() throws IOException {
        if (format == FlowFormat.CSV) {
            out.write(String.join(",", FlowSpec.FIELDS));
            out.write('\n');
        } else {
            out.write('[');
        }
    }

    void write(FlowSpec spec) throws IOException {
        Map<String, String> fields = spec.toFields();
        if (format == FlowFormat.CSV) {
            boolean first = true;
            for (String name : FlowSpec.FIELDS) {
                if (!first) {
                    out.write(',');
                }
                out.write(csv(fields.get(name)));
                first = false;
            }
            out.write('\n');
        } else {
            out.write(written == 0 ? "\n  " : ",\n  ");
            Map<String, Object> members = new LinkedHashMap<>();
            for (String name : FlowSpec.FIELDS) {
                String value = fields.get(name);
                if (!value.isEmpty()) {
                    boolean number = name.equals(FlowSpec.VSAN) || name.equals(FlowSpec.LUN);
                    members.put(name, number ? Long.valueOf(value) : value);
                }
            }
            new JsonWriter(out, Spacing.SPACED).value(members);
        }
        written++;
    }

    void end() throws IOException {
        if (format == FlowFormat.JSON) {
            out.write(written == 0 ? "]\n" : "\n]\n");
        }
        out.flush();
    }

    private static String csv(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"') && value.equals(value.strip())
                && !value.startsWith("#");
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
