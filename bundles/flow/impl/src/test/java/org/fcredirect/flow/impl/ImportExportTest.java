package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.ImportException;
import org.fcredirect.flow.api.ImportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.fcredirect.storage.follow.ChangeGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bulk import and export in CSV and JSON: all or nothing, with the line at fault. */
class ImportExportTest {
    private static final String H1 = host(1).toString();
    private static final String H2 = host(2).toString();
    private static final String T1 = target(1).toString();

    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;

    @BeforeEach
    void appliance1() {
        fabric.appliances.add(appliance("a1", "g", 1));
    }

    @AfterEach
    void close() {
        fabric.close();
    }

    private ImportResult importText(String text, FlowFormat format) {
        return flows.importFlows(new StringReader(text), format);
    }

    @Test
    void csvWithAnyColumnOrderCommentsQuotesAndOptionalFields() {
        String csv = "# migrated from the old fabric\n"
                + "target,vsan,initiator,lun,appliance,failover,description\n"
                + "\n"
                + T1 + ",10," + H1 + ",,a1,block,\"payroll, \"\"prod\"\"\"\n"
                + T1 + ",10," + H2 + ",3,,,\n";
        ImportResult r = importText(csv, FlowFormat.CSV);
        assertEquals(new ImportResult(2, Optional.of(FlowId.of(1)), Optional.of(FlowId.of(2))), r);
        Flow first = flows.get(FlowId.of(1)).orElseThrow();
        assertEquals(Optional.of("a1"), first.spec().appliance());
        assertEquals(Optional.of(FailoverMode.BLOCK), first.spec().failover());
        assertEquals("payroll, \"prod\"", first.spec().description());
        assertEquals(OptionalInt.of(3), flows.get(FlowId.of(2)).orElseThrow().spec().lun());
    }

    @Test
    void jsonWithNumbersStringsAndNulls() {
        String json = """
                [
                  {"vsan": 10, "initiator": "%s", "target": "%s", "appliance": "a1", "description": "caf\\u00e9 \\"db\\""},
                  {"vsan": "10", "initiator": "%s", "target": "%s", "lun": 7, "failover": null}
                ]
                """.formatted(H1, T1, H2, T1);
        assertEquals(2, importText(json, FlowFormat.JSON).count());
        assertEquals("café \"db\"", flows.get(FlowId.of(1)).orElseThrow().spec().description());
        assertEquals(OptionalInt.of(7), flows.get(FlowId.of(2)).orElseThrow().spec().lun());
    }

    /** Comment lines without end, as a device file or a pipe that never closes would give. */
    private static Reader endless(String line) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = line.charAt(at++ % line.length());
                }
                return length;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aLineLongerThanTheCapIsRefusedNamingIt() {
        String longText = "x".repeat(FlowManager.MAX_IMPORT_LINE_CHARS + 1);
        ImportException csv = assertThrows(ImportException.class,
                () -> importText("vsan,initiator,target,description\n10," + H1 + "," + T1 + "," + longText + "\n", FlowFormat.CSV));
        assertEquals("line 2: longer than " + FlowManager.MAX_IMPORT_LINE_CHARS + " characters, the most a line may hold",
                csv.getMessage());
        ImportException json = assertThrows(ImportException.class,
                () -> importText("[\n{\"vsan\": 10, \"description\": \"" + longText + "\"}\n]", FlowFormat.JSON));
        assertEquals(2, json.line(), json.getMessage());
        assertEquals(0, flows.count(FlowFilter.all()));
    }

    @Test
    void anEndlessInputIsRefusedAtTheSizeCap() {
        for (FlowFormat format : FlowFormat.values()) {
            ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(ImportException.class, () -> flows.importFlows(endless("# again\n"), format)));
            assertTrue(e.getMessage().contains("goes past " + FlowManager.MAX_IMPORT_CHARS + " characters"), e.getMessage());
        }
    }

    @Test
    void anEmptyInputImportsNothing() {
        assertEquals(0, importText("vsan,initiator,target\n", FlowFormat.CSV).count());
        assertEquals(0, importText(" [ ] ", FlowFormat.JSON).count());
        assertEquals(0, importText("", FlowFormat.CSV).count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no header column for target     | 1 | target    | vsan,initiator\\n10,H1",
        "an unknown column               | 1 | colour    | vsan,initiator,target,colour\\n10,H1,T1,red",
        "a column twice                  | 1 | vsan      | vsan,initiator,target,vsan\\n10,H1,T1,10",
        "too few values                  | 3 | ''        | vsan,initiator,target\\n10,H2,T1\\n10,H1",
        "an unterminated quote           | 2 | ''        | vsan,initiator,target,description\\n10,H1,T1,\"open",
        "a VSAN out of range             | 3 | vsan      | vsan,initiator,target\\n10,H2,T1\\n4095,H1,T1",
        "a bad WWN                       | 2 | initiator | vsan,initiator,target\\n10,20:00:zz,T1",
        "a missing WWN                   | 2 | target    | vsan,initiator,target\\n10,H1,",
        "a LUN out of range              | 2 | lun       | vsan,initiator,target,lun\\n10,H1,T1,16384",
        "a bad failover mode             | 2 | failover  | vsan,initiator,target,failover\\n10,H1,T1,maybe",
        "an unknown appliance            | 2 | appliance | vsan,initiator,target,appliance\\n10,H1,T1,a9",
        "a flow twice in the file        | 4 | flow      | vsan,initiator,target\\n10,H1,T1\\n#\\n10,H1,T1",
        "a flow that exists              | 2 | flow      | vsan,initiator,target\\n10,H1,T2",
        "initiator and target the same   | 2 | target    | vsan,initiator,target\\n10,H1,H1",
        "only comments, no header        | 2 | ''        | # nothing\\n# here"})
    void aBadCsvLineRefusesTheWholeFile(String what, int line, String field, String text) {
        flows.create(Fabric.spec(1, 2).build());
        int before = fabric.log.events().size();
        ImportException e = assertThrows(ImportException.class, () -> importText(expand(text), FlowFormat.CSV), what);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertEquals(before, fabric.log.events().size());
        assertEquals(1, flows.count(FlowFilter.all()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not an array                    | 1 | ''        | {\"vsan\": 10}",
        "a missing comma between objects | 3 | ''        | [\\n{\"vsan\": 10, \"initiator\": \"H1\", \"target\": \"T1\"}\\n{\"vsan\": 10}]",
        "a boolean value                 | 2 | lun       | [\\n{\"vsan\": 10, \"lun\": true}]",
        "a nested object                 | 3 | target    | [{\"vsan\": 10,\\n \"initiator\": \"H1\",\\n \"target\": {\"wwn\": 1}}]",
        "a fraction                      | 1 | lun       | [{\"vsan\": 10, \"initiator\": \"H1\", \"target\": \"T1\", \"lun\": 1.5}]",
        "a member twice                  | 2 | vsan      | [{\"vsan\": 10,\\n \"vsan\": 11}]",
        "an unknown member               | 4 | speed     | [{\"vsan\": 10,\\n \"initiator\": \"H1\",\\n \"target\": \"T1\",\\n \"speed\": 8}]",
        "a bad WWN on its own line       | 3 | initiator | [{\"vsan\": 10,\\n \"target\": \"T1\",\\n \"initiator\": \"20:xx\"}]",
        "a missing field                 | 2 | target    | [\\n{\"vsan\": 10, \"initiator\": \"H1\"}]",
        "an unterminated string          | 1 | ''        | [{\"vsan\": \"10]",
        "a flow that exists              | 2 | flow      | [\\n{\"vsan\": 10, \"initiator\": \"H1\", \"target\": \"T2\"}]",
        "garbage after the array         | 2 | ''        | []\\nx"})
    void aBadJsonLineRefusesTheWholeFile(String what, int line, String field, String text) {
        flows.create(Fabric.spec(1, 2).build());
        int before = fabric.log.events().size();
        ImportException e = assertThrows(ImportException.class, () -> importText(expand(text), FlowFormat.JSON), what);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(before, fabric.log.events().size());
        assertEquals(1, flows.count(FlowFilter.all()));
    }

    private static String expand(String text) {
        return text.replace("\\n", "\n").replace("H1", H1).replace("H2", H2).replace("T1", T1)
                .replace("T2", target(2).toString());
    }

    @Test
    void anExportImportsBackAsTheSameFlowsInBothFormats() {
        flows.create(Fabric.spec(1, 1).appliance("a1").failover(FailoverMode.BYPASS).description("a, \"b\"").build());
        flows.create(Fabric.spec(2, 1).lun(12).build());
        flows.create(Fabric.spec(3, 1).description(" padded ").build());
        List<FlowSpec> specs = flows.list(FlowFilter.all(), 0, 10).flows().stream().map(Flow::spec).toList();
        for (FlowFormat format : FlowFormat.values()) {
            StringWriter out = new StringWriter();
            flows.exportFlows(FlowFilter.all(), format, out);
            try (Fabric other = new Fabric()) {
                other.appliances.add(appliance("a1", "g", 1));
                other.flows.importFlows(new StringReader(out.toString()), format);
                assertEquals(specs, other.flows.list(FlowFilter.all(), 0, 10).flows().stream().map(Flow::spec).toList(),
                        format + " export:\n" + out);
            }
        }
    }

    @Test
    void exportFollowsTheFilter() {
        flows.create(Fabric.spec(1, 1).build());
        flows.create(Fabric.spec(2, 1).build());
        StringWriter out = new StringWriter();
        flows.exportFlows(FlowFilter.builder().initiator(host(2)).build(), FlowFormat.CSV, out);
        assertEquals(2, out.toString().lines().count());
        assertTrue(out.toString().contains(host(2).toString()));
    }

    @Test
    void hundredThousandFlowsImportAsOneChange() {
        StringBuilder csv = new StringBuilder("vsan,initiator,target,lun\n");
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            csv.append(VSAN).append(',').append(host(i / 100)).append(',').append(target(i % 100)).append(',')
                    .append(i % 7).append('\n');
        }
        long start = System.nanoTime();
        ImportResult r = importText(csv.toString(), FlowFormat.CSV);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Imported %d flows in %d ms through %d appends%n", r.count(), millis, fabric.log.appendCalls());
        assertEquals(n, r.count());
        assertEquals(n, flows.count(FlowFilter.all()));
        assertTrue(fabric.log.events().stream().anyMatch(e -> e.type().equals(EventWriter.PART)),
                "a change this large is stored in parts");
        assertTrue(fabric.log.events().stream().filter(e -> e.type().equals(ChangeGuard.TYPE))
                .anyMatch(e -> ChangeGuard.decode(e.payload()).events().get(0).type().equals(EventWriter.COMMIT)),
                "and a commit under its guard");
        fabric.restart();
        assertEquals(n, fabric.flows.count(FlowFilter.all()));
        assertEquals(target(99), fabric.flows.get(FlowId.of(n)).orElseThrow().spec().target());
    }
}
