package org.fcredirect.webconsole;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * MBean values as the JSON writer takes them: open types (CompositeData as an object, TabularData
 * as a list of its rows), arrays, maps and collections taken apart; numbers, booleans and strings
 * as they are; anything else as its text.
 */
final class OpenValues {
    private OpenValues() {
    }

    static Object plain(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
            return v;
        }
        if (v instanceof CompositeData c) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String key : new TreeSet<>(c.getCompositeType().keySet())) {
                m.put(key, plain(c.get(key)));
            }
            return m;
        }
        if (v instanceof TabularData t) {
            List<Object> rows = new ArrayList<>();
            for (Object row : t.values()) {
                rows.add(plain(row));
            }
            return rows;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, e) -> m.put(String.valueOf(k), plain(e)));
            return m;
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(OpenValues::plain).toList();
        }
        if (v.getClass().isArray()) {
            List<Object> list = new ArrayList<>(Array.getLength(v));
            for (int i = 0; i < Array.getLength(v); i++) {
                list.add(plain(Array.get(v, i)));
            }
            return list;
        }
        return v.toString();
    }
}
