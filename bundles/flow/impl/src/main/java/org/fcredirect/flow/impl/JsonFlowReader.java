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

/**
 * Reads the JSON import format: an array of flat objects, one per flow, whose members are the
 * flow fields as strings or whole numbers ({@code null} for an absent field). Strict JSON
 * otherwise; every error names the line of the member (or object) at fault.
 */
final class JsonFlowReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final String text;
    private int pos;
    private int line = 1;

    private JsonFlowReader(String text) {
        this.text = text;
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
        return new JsonFlowReader(all.toString()).flows();
    }

    private List<ParsedFlow> flows() {
        List<ParsedFlow> flows = new ArrayList<>();
        skipSpace();
        expect('[', "the input must be a JSON array of flow objects");
        skipSpace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                flows.add(flow());
                skipSpace();
                char c = next("',' or ']' after a flow object");
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ']' after a flow object, found '" + c + "'");
                }
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "' after the closing ']'");
        }
        return flows;
    }

    private ParsedFlow flow() {
        int objectLine = line;
        expect('{', "expected a flow object '{'");
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                int memberLine = line;
                if (peek() != '"') {
                    throw error("expected a member name in double quotes");
                }
                String name = string();
                skipSpace();
                expect(':', "expected ':' after member \"" + name + "\"");
                skipSpace();
                String value = value(name);
                if (fields.put(name, value) != null) {
                    throw new ImportException(memberLine, name, "member \"" + name + "\" appears twice", null);
                }
                lines.put(name, memberLine);
                skipSpace();
                char c = next("',' or '}' in a flow object");
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}' in a flow object, found '" + c + "'");
                }
            }
        }
        try {
            return new ParsedFlow(objectLine, FlowSpec.fromFields(fields));
        } catch (ValidationException e) {
            throw new ImportException(lines.getOrDefault(e.field(), objectLine), e.field(), e.getMessage(), e);
        }
    }

    private String value(String name) {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            int start = pos;
            while (pos < text.length() && "0123456789+-.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!WHOLE_NUMBER.matcher(number).matches()) {
                throw new ImportException(line, name, name + " '" + number + "': must be a whole number", null);
            }
            return number;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return "";
        }
        if (text.startsWith("true", pos) || text.startsWith("false", pos)) {
            throw new ImportException(line, name, name + ": a flow field is a string or a number, not a boolean", null);
        }
        if (c == '{' || c == '[') {
            throw new ImportException(line, name, name + ": a flow field is a string or a number, not an object or array",
                    null);
        }
        throw error("expected a value for \"" + name + "\"");
    }

    private String string() {
        expect('"', "expected '\"'");
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string has no closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("a string holds a raw control character; escape it");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next("an escape character");
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("\\u needs four hex digits");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("\\u needs four hex digits");
                    }
                    pos += 4;
                }
                default -> throw error("'\\" + e + "' is not a JSON escape");
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("the input ends too early");
        }
        return text.charAt(pos);
    }

    private char next(String expected) {
        if (pos >= text.length()) {
            throw error("the input ends where " + expected + " was expected");
        }
        return text.charAt(pos++);
    }

    private void expect(char c, String message) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error(message);
        }
        pos++;
    }

    private ImportException error(String message) {
        return new ImportException(line, "", message, null);
    }
}
