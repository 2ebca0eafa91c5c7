package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.fcredirect.json.Json;
import org.junit.jupiter.api.Test;

class OpenValuesTest {

    @Test
    void simpleValuesStayAsTheyAre() {
        assertEquals(42L, OpenValues.plain(42L));
        assertEquals(true, OpenValues.plain(true));
        assertEquals("x", OpenValues.plain("x"));
        assertEquals(null, OpenValues.plain(null));
    }

    @Test
    void arraysMapsAndCollectionsAreTakenApart() throws Exception {
        assertEquals(List.of("a", "b"), OpenValues.plain(new String[] {"a", "b"}));
        assertEquals(List.of(1L, 2L), OpenValues.plain(new long[] {1, 2}));
        Map<String, Long> drops = new LinkedHashMap<>();
        drops.put("rule-drop", 3L);
        assertEquals(Map.of("rule-drop", 3L), OpenValues.plain(drops));
        assertEquals(List.of("x"), OpenValues.plain(Set.of("x")));
        assertEquals("org.fcredirect:type=FastPath", OpenValues.plain(new ObjectName("org.fcredirect:type=FastPath")));
    }

    @Test
    void openTypesBecomeObjectsAndRows() throws Exception {
        CompositeType row = new CompositeType("drop", "a drop count", new String[] {"reason", "frames"}, new String[] {"why", "how many"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG});
        TabularDataSupport table = new TabularDataSupport(new TabularType("drops", "drops by reason", row, new String[] {"reason"}));
        table.put(new CompositeDataSupport(row, new String[] {"reason", "frames"}, new Object[] {"rule-drop", 5L}));
        assertEquals("[{\"frames\":5,\"reason\":\"rule-drop\"}]", Json.write(OpenValues.plain(table)));
    }
}
