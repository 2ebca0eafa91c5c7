package org.fcredirect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0], \"b\": {\"c\": null},\r\n\t\"d\": true, \"e\": \"\\u00e9\\/\\b\\f\"} ");
        assertEquals(Map.of("a", List.of(BigDecimal.ONE, new BigDecimal("-2.5e3"), BigDecimal.ZERO),
                "b", Collections.singletonMap("c", null), "d", true, "e", "\u00e9/\b\f"), v);
        assertNull(Json.parse("null"));
        assertEquals(List.of(), Json.parse("[ ]"));
    }

    @Test
    void joinsEscapedSurrogatePairs() {
        assertEquals("\uD834\uDD1E", Json.parse("\"\\ud834\\uDD1E\""));
    }

    @Test
    void readsTokenByTokenWithTheLineOfEach() {
        JsonReader r = JsonReader.of("[\n {\"vsan\": 10,\n  \"lun\": 1.5}\n]", JsonLimits.DEFAULT);
        r.beginArray();
        assertTrue(r.hasNext());
        r.beginObject();
        assertTrue(r.hasNext());
        assertEquals("vsan", r.nextName());
        assertEquals(JsonToken.NUMBER, r.peek());
        assertEquals("10", r.nextNumber());
        assertTrue(r.hasNext());
        assertEquals(3, r.line());
        assertEquals(3, r.column());
        assertEquals("lun", r.nextName());
        assertEquals("1.5", r.nextNumber());
        assertTrue(!r.hasNext());
        r.endObject();
        assertTrue(!r.hasNext());
        r.endArray();
        r.endDocument();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unterminated string        | 2 | 2  | [\\n \"abc",
        "bad escape                 | 1 | 3  | [\"\\x\"]",
        "short unicode escape       | 1 | 2  | \"\\u12g4\"",
        "trailing comma in array    | 1 | 4  | [1,]",
        "trailing comma in object   | 1 | 8  | {\"a\":1,}",
        "missing comma              | 1 | 4  | [1 2]",
        "missing colon              | 1 | 6  | {\"a\" 1}",
        "unquoted name              | 1 | 2  | {a:1}",
        "leading zero               | 1 | 2  | 01",
        "bare fraction dot          | 1 | 3  | 1.",
        "plus sign                  | 1 | 1  | +1",
        "single quotes              | 1 | 1  | 'a'",
        "raw control character      | 1 | 3  | \"a\tb\"",
        "lone high surrogate escape | 1 | 2  | \"\\ud800\"",
        "lone low surrogate escape  | 1 | 2  | \"\\udc00x\"",
        "high then non-low escape   | 1 | 2  | \"\\ud800\\u0041\"",
        "garbage after the value    | 2 | 1  | {}\\nx",
        "empty input                | 1 | 1  | ''",
        "bad literal                | 1 | 2  | [nul]",
        "member twice               | 1 | 8  | {\"a\":1,\"a\":2}",
        "unclosed array             | 1 | 3  | [1"})
    void refusesMalformedInputNamingWhere(String what, int line, int column, String text) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text.replace("\\n", "\n").replace("\\t", "\t")), what);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ", column " + column + ": "), e.getMessage());
    }

    @Test
    void refusesARawLoneSurrogate() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("\"ab\uD800\""));
        assertEquals(4, e.column());
        assertEquals("a lone surrogate U+D800 in a string", e.problem());
    }

    @Test
    void refusesNestingDeeperThanTheCap() {
        JsonLimits limits = new JsonLimits(1000, 3);
        assertEquals(List.of(List.of(List.of())), JsonReader.parse("[[[]]]", limits));
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("[[[[]]]]", limits));
        assertEquals("nested deeper than 3 levels", e.problem());
        assertEquals(4, e.column());
    }

    @Test
    void refusesAnInputLargerThanTheCapWithoutReadingItAll() {
        JsonLimits limits = new JsonLimits(10, 64);
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("[1,\n2,3,4,5,6]", limits));
        assertEquals("the input goes past 10 characters", e.problem());
        assertEquals(2, e.line());
        int[] served = {0};
        Reader endless = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                served[0] += len;
                Arrays.fill(buf, off, off + len, ' ');
                return len;
            }

            @Override
            public void close() {
            }
        };
        assertThrows(JsonException.class, () -> JsonReader.of(endless, limits));
        assertTrue(served[0] < 20_000, "read " + served[0]);
        assertEquals(List.of(), JsonReader.of(new StringReader("[]"), limits).nextValue());
    }
}
