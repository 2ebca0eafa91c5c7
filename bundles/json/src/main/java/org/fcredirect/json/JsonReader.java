package org.fcredirect.json;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads strict RFC 8259 JSON token by token, so a caller can check each member where it stands and
 * name its line; {@link #nextValue()} reads a whole value as a tree instead. Every error is a
 * {@link JsonException} with the line and column at fault. Usage: {@code beginObject()}, then
 * {@code while (hasNext()) { nextName(); ...value... }}, then {@code endObject()}; arrays alike.
 */
public final class JsonReader {
    private final String text;
    private final JsonLimits limits;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Per open container: '{' or '[', and whether a member has been read (so a comma is due). */
    private final char[] containers;
    private final boolean[] hasMembers;
    private int depth;
    private boolean memberAnnounced;

    private JsonReader(String text, JsonLimits limits) {
        this.text = text;
        this.limits = limits;
        this.containers = new char[limits.maxDepth() + 1];
        this.hasMembers = new boolean[limits.maxDepth() + 1];
    }

    public static JsonReader of(String text, JsonLimits limits) {
        JsonReader r = new JsonReader(text, limits);
        if (text.length() > limits.maxChars()) {
            r.skipTo(limits.maxChars());
            throw r.error("the input goes past " + limits.maxChars() + " characters");
        }
        return r;
    }

    /** Reads {@code in} to its end, or refuses it at the size cap without reading further. */
    public static JsonReader of(Reader in, JsonLimits limits) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            int n;
            while (sb.length() <= limits.maxChars() && (n = in.read(buf)) >= 0) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON", e);
        }
        return of(sb.toString(), limits);
    }

    /** Parses a whole text holding one value, as {@link #nextValue()} gives it. */
    public static Object parse(String text, JsonLimits limits) {
        JsonReader r = of(text, limits);
        Object value = r.nextValue();
        r.endDocument();
        return value;
    }

    /** The line (from 1) of the next token. */
    public int line() {
        skipBlanks();
        return line;
    }

    /** The column (from 1) of the next token. */
    public int column() {
        skipBlanks();
        return pos - lineStart + 1;
    }

    public JsonToken peek() {
        skipBlanks();
        if (pos >= text.length()) {
            return JsonToken.END_DOCUMENT;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> JsonToken.BEGIN_OBJECT;
            case '}' -> JsonToken.END_OBJECT;
            case '[' -> JsonToken.BEGIN_ARRAY;
            case ']' -> JsonToken.END_ARRAY;
            case '"' -> JsonToken.STRING;
            case 't', 'f' -> JsonToken.BOOLEAN;
            case 'n' -> JsonToken.NULL;
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield JsonToken.NUMBER;
                }
                throw error("unexpected " + describe(c));
            }
        };
    }

    public void beginObject() {
        open('{');
    }

    public void endObject() {
        close('}');
    }

    public void beginArray() {
        open('[');
    }

    public void endArray() {
        close(']');
    }

    /** Whether the open object or array has another member; consumes the comma before it. */
    public boolean hasNext() {
        if (memberAnnounced) {
            return true;
        }
        if (depth == 0) {
            throw new IllegalStateException("hasNext() outside an object or array");
        }
        char closing = containers[depth] == '{' ? '}' : ']';
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == closing) {
            return false;
        }
        if (hasMembers[depth]) {
            expect(',', "',' or '" + closing + "'");
            skipBlanks();
        }
        hasMembers[depth] = true;
        memberAnnounced = true;
        return true;
    }

    /** The next member's name, and the colon after it. */
    public String nextName() {
        memberAnnounced = false;
        skipBlanks();
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error("a member name in double quotes expected" + found());
        }
        String name = string();
        skipBlanks();
        expect(':', "':' after member \"" + name + "\"");
        return name;
    }

    public String nextString() {
        startValue();
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error("a string expected" + found());
        }
        return string();
    }

    /** The number as written, checked against the JSON grammar. */
    public String nextNumber() {
        startValue();
        int start = pos;
        accept('-');
        if (!accept('0')) {
            digits();
        }
        if (accept('.')) {
            digits();
        }
        if (accept('e') || accept('E')) {
            if (!accept('+')) {
                accept('-');
            }
            digits();
        }
        return text.substring(start, pos);
    }

    public boolean nextBoolean() {
        startValue();
        if (text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        throw error("true or false expected" + found());
    }

    public void nextNull() {
        startValue();
        if (!text.startsWith("null", pos)) {
            throw error("null expected" + found());
        }
        pos += 4;
    }

    /**
     * The next value as a tree: objects as LinkedHashMaps (in order), arrays as lists, strings,
     * numbers as BigDecimal, booleans and null. A name twice in one object is refused.
     */
    public Object nextValue() {
        return switch (peek()) {
            case BEGIN_OBJECT -> object();
            case BEGIN_ARRAY -> array();
            case STRING -> nextString();
            case NUMBER -> new BigDecimal(nextNumber());
            case BOOLEAN -> nextBoolean();
            case NULL -> {
                nextNull();
                yield null;
            }
            case END_OBJECT, END_ARRAY -> throw error("a value expected" + found());
            case END_DOCUMENT -> throw error("the input ends where a value was expected");
        };
    }

    /** Checks that nothing but blanks follows the value read. */
    public void endDocument() {
        skipBlanks();
        if (pos < text.length()) {
            throw error("unexpected " + describe(text.charAt(pos)) + " after the JSON value");
        }
    }

    /** An error at the next token, for a caller that finds the JSON well-formed but not what it wants. */
    public JsonException error(String problem) {
        return new JsonException(line, pos - lineStart + 1, problem);
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        beginObject();
        while (hasNext()) {
            int nameLine = line;
            int nameColumn = pos - lineStart + 1;
            String name = nextName();
            if (m.containsKey(name)) {
                throw new JsonException(nameLine, nameColumn, "member \"" + name + "\" appears twice");
            }
            m.put(name, nextValue());
        }
        endObject();
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        beginArray();
        while (hasNext()) {
            l.add(nextValue());
        }
        endArray();
        return l;
    }

    private void open(char bracket) {
        startValue();
        if (depth == limits.maxDepth()) {
            throw error("nested deeper than " + limits.maxDepth() + " levels");
        }
        expect(bracket, "'" + bracket + "'");
        depth++;
        containers[depth] = bracket;
        hasMembers[depth] = false;
    }

    private void close(char bracket) {
        skipBlanks();
        if (depth == 0 || containers[depth] != (bracket == '}' ? '{' : '[')) {
            throw new IllegalStateException("no open " + (bracket == '}' ? "object" : "array") + " to close");
        }
        expect(bracket, "',' or '" + bracket + "'");
        depth--;
    }

    private void startValue() {
        memberAnnounced = false;
        skipBlanks();
    }

    private String string() {
        int open = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = open;
                throw error("a string has no closing quote");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("a raw control character " + describe(c) + " in a string; escape it");
            }
            if (c == '\\') {
                escape(sb);
            } else if (Character.isHighSurrogate(c) && pos + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(pos + 1))) {
                sb.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (Character.isSurrogate(c)) {
                throw error("a lone surrogate " + describe(c) + " in a string");
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder sb) {
        int at = pos++;
        if (pos >= text.length()) {
            pos = at;
            throw error("a string has no closing quote");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char u = hex4(at);
                if (Character.isHighSurrogate(u) && text.startsWith("\\u", pos)) {
                    int low = pos;
                    pos += 2;
                    char v = hex4(low);
                    if (!Character.isLowSurrogate(v)) {
                        pos = at;
                        throw error("a lone surrogate " + describe(u) + " in a string");
                    }
                    sb.append(u).append(v);
                } else if (Character.isSurrogate(u)) {
                    pos = at;
                    throw error("a lone surrogate " + describe(u) + " in a string");
                } else {
                    sb.append(u);
                }
            }
            default -> {
                pos = at;
                throw error("'\\" + e + "' is not a JSON escape");
            }
        }
    }

    private char hex4(int escapeAt) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
            if (d < 0) {
                pos = escapeAt;
                throw error("\\u needs four hex digits");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return (char) v;
    }

    private void digits() {
        if (pos >= text.length() || text.charAt(pos) < '0' || text.charAt(pos) > '9') {
            throw error("a digit expected" + found());
        }
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c, String expected) {
        if (!accept(c)) {
            throw error(expected + " expected" + found());
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void skipTo(int end) {
        for (; pos < end; pos++) {
            if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
        }
    }

    private String found() {
        return pos < text.length() ? ", found " + describe(text.charAt(pos)) : ", found the end of the input";
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
