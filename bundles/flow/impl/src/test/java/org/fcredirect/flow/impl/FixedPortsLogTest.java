package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.storage.api.NewEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A flow stream written before port pools (format version 1, by commit 2debeb7; see the fixture's
 * README) replays, from its events alone or from its snapshot, to the flows and rewrite rules that
 * build had: its appliances keep their one fixed VT and VI, which their flows share as before.
 */
class FixedPortsLogTest {
    private static final Path FIXTURE = Path.of("../../../fixtures/flow-log-v1");

    private Fabric fabric;

    @AfterEach
    void close() {
        fabric.close();
    }

    @ParameterizedTest(name = "from its snapshot: {0}")
    @ValueSource(booleans = {false, true})
    void aVersionOneLogReplaysToTheFlowsAndRulesItHad(boolean fromSnapshot) throws IOException {
        InMemoryEventLog log = new InMemoryEventLog();
        for (String line : Files.readAllLines(FIXTURE.resolve("events.tsv"))) {
            String[] f = line.split("\t");
            log.appendAll(List.of(NewEvent.of(FlowStore.STREAM, f[1], Base64.getDecoder().decode(f[2])))).join();
        }
        if (fromSnapshot) {
            String[] s = Files.readString(FIXTURE.resolve("snapshot.tsv")).strip().split("\t");
            log.saveSnapshot(FlowStore.STREAM, Long.parseLong(s[0]), Base64.getDecoder().decode(s[1]));
        }
        fabric = new Fabric(log, Fabric.settings(0, true, FailoverMode.STANDBY));
        RecordingSink sink = new RecordingSink();
        fabric.store.bindRuleSink(sink);
        List<String> now = new ArrayList<>();
        for (Flow f : fabric.flows.list(FlowFilter.all(), 0, 1000).flows()) {
            now.add(f.id().value() + "\t" + f.state() + "\t" + f.appliance().orElse("-") + "\t"
                    + sink.rulesOf(f.id().value()));
        }
        assertEquals(Files.readAllLines(FIXTURE.resolve("expected.tsv")), now);
    }
}
