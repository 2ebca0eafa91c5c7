package org.fcredirect.flow.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.fcredirect.fc.io.InputLimitException;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.ImportException;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.json.JsonException;
import org.fcredirect.json.JsonLimits;
import org.fcredirect.json.JsonReader;
import org.fcredirect.json.JsonToken;

/**
 * Reads the JSON import format: an array of flat objects, one per flow, whose members are the
 * flow fields as strings or whole numbers ({@code null} for an absent field). Strict JSON
 * otherwise; every error names the line of the member (or object) at fault.
 */
final class JsonFlowReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");
    /** The bounded reader already caps the size; an array of flat objects is two levels deep. */
    private static final JsonLimits LIMITS = new JsonLimits((int) FlowManager.MAX_IMPORT_CHARS, 2);

    private JsonFlowReader() {
    }

    /** @throws ImportException naming the first line at fault */
    static List<ParsedFlow> read(Reader input) {
        StringWriter all = new StringWriter();
        try {
            input.transferTo(all);
        } catch (InputLimitException e) {
            throw new ImportException(e.line(), "", e.problem(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the JSON import", e);
        }
        try {
            return flows(JsonReader.of(all.toString(), LIMITS));
        } catch (JsonException e) {
            throw new ImportException(e.line(), "", e.problem(), e);
        }
    }

    private static List<ParsedFlow> flows(JsonReader json) {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            throw json.error("the input must be a JSON array of flow objects");
        }
        List<ParsedFlow> flows = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            flows.add(flow(json));
        }
        json.endArray();
        json.endDocument();
        return flows;
    }

    private static ParsedFlow flow(JsonReader json) {
        int objectLine = json.line();
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw json.error("expected a flow object '{'");
        }
        json.beginObject();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (json.hasNext()) {
            int memberLine = json.line();
            String name = json.nextName();
            if (fields.put(name, value(json, name)) != null) {
                throw new ImportException(memberLine, name, "member \"" + name + "\" appears twice", null);
            }
            lines.put(name, memberLine);
        }
        json.endObject();
        try {
            return new ParsedFlow(objectLine, FlowSpec.fromFields(fields));
        } catch (ValidationException e) {
            throw new ImportException(lines.getOrDefault(e.field(), objectLine), e.field(), e.getMessage(), e);
        }
    }

    private static String value(JsonReader json, String name) {
        int line = json.line();
        return switch (json.peek()) {
            case STRING -> json.nextString();
            case NUMBER -> {
                String number = json.nextNumber();
                if (!WHOLE_NUMBER.matcher(number).matches()) {
                    throw new ImportException(line, name, name + " '" + number + "': must be a whole number", null);
                }
                yield number;
            }
            case NULL -> {
                json.nextNull();
                yield "";
            }
            case BOOLEAN -> throw new ImportException(line, name,
                    name + ": a flow field is a string or a number, not a boolean", null);
            case BEGIN_OBJECT, BEGIN_ARRAY -> throw new ImportException(line, name,
                    name + ": a flow field is a string or a number, not an object or array", null);
            case END_OBJECT, END_ARRAY, END_DOCUMENT -> throw json.error("expected a value for \"" + name + "\"");
        };
    }
}
