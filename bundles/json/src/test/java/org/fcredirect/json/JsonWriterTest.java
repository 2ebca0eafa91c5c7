package org.fcredirect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedValuesInMapOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of(true, 2.5, "x", new BigDecimal("1E+3")));
        m.put("n", null);
        m.put("o", Optional.of(7L));
        assertEquals("{\"b\":1,\"a\":[true,2.5,\"x\",1E+3],\"n\":null,\"o\":7}", Json.write(m));
    }

    @Test
    void spacedPutsOneBlankAfterCommasAndColons() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vsan", 10);
        m.put("tags", List.of("a", "b"));
        assertEquals("{\"vsan\": 10, \"tags\": [\"a\", \"b\"]}", Json.write(m, Spacing.SPACED));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f/\"", Json.write("a\"b\\c\n\r\t\u0001\u001f/"));
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        assertEquals("\"\uD83D\uDE00\"", Json.write("\uD83D\uDE00"));
        assertEquals("\"\\ud83dx\\ude00\"", Json.write("\uD83Dx\uDE00"));
        assertEquals("\"x\\ud83d\"", Json.write("x\uD83D"));
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        assertEquals("[null,null,1.5]", Json.write(List.of(Double.NaN, Float.POSITIVE_INFINITY, 1.5f)));
    }

    @Test
    void streamsMembersAndNestedContainers() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, Spacing.COMPACT).beginObject().name("a").beginArray().value(1).beginObject().endObject()
                .endArray().name("b").value("x").endObject();
        assertEquals("{\"a\":[1,{}],\"b\":\"x\"}", sb.toString());
    }

    @Test
    void whatItWritesParsesBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "\u0000\"\\\uD834\uDD1E\u2028");
        m.put("l", List.of(new BigDecimal("-0.5e-3"), false));
        assertEquals(m, Json.parse(Json.write(m)));
    }
}
