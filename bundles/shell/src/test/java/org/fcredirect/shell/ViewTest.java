package org.fcredirect.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.junit.jupiter.api.Test;

class ViewTest {
    private record Port(String name, Integer lun, long frames) {
    }

    private static final View<Port> PORTS = new View<Port>("no ports")
            .column("Name", "name", Port::name)
            .column("LUN", "lun", Port::lun, p -> p.lun() == null ? "*" : p.lun())
            .jsonOnly("kind", p -> "port")
            .number("Frames", "frames", Port::frames)
            .tableOnly("Note", p -> p.frames() > 10 ? "busy" : null);

    @Test
    void jsonTakesTheKeyedFiguresInOrder() {
        assertEquals("[{\"name\":\"a\",\"lun\":null,\"kind\":\"port\",\"frames\":12},"
                + "{\"name\":\"b\",\"lun\":3,\"kind\":\"port\",\"frames\":1}]",
                Json.write(PORTS.json(List.of(new Port("a", null, 12), new Port("b", 3, 1)))));
    }

    @Test
    void tableTakesTheHeadedFiguresInTheirTableWords() {
        String table = print(PORTS.table(List.of(new Port("a", null, 12), new Port("b", 3, 1))));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).matches("Name \\| LUN \\| Frames \\| Note\\s*"), table);
        assertTrue(lines.get(2).matches("a\\s+\\| \\*\\s+\\|\\s+12 \\| busy\\s*"), table);
        assertTrue(lines.get(3).matches("b\\s+\\| 3\\s+\\|\\s+1 \\| -\\s*"), table);
        String empty = print(PORTS.table(List.of()));
        assertTrue(empty.strip().endsWith("no ports"), empty);
    }

    @Test
    void labelledRowsLeadWithTheirLabel() {
        Map<String, Port> rows = new LinkedHashMap<>();
        rows.put("first", new Port("a", 1, 2));
        String table = print(PORTS.table("Row", rows));
        assertTrue(table.lines().findFirst().orElseThrow().startsWith("Row   | Name"), table);
        assertTrue(table.contains("first | a"), table);
    }

    @Test
    void anIncludedPartAddsItsColumnsOfWhatEachRowHolds() {
        View<List<Port>> first = new View<List<Port>>("").include(PORTS.inTablesOnly(), l -> l.get(0));
        assertEquals(Map.of(), first.json(List.of(new Port("a", 1, 2))));
        assertTrue(print(first.table(List.of(List.of(new Port("a", 1, 2))))).contains("a    | 1   |      2 | -"));
    }

    private static String print(ShellTable t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
