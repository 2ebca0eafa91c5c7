package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.fcredirect.stats.api.GroupBy;
import org.fcredirect.stats.api.RangeStats;
import org.fcredirect.stats.api.Resolution;
import org.junit.jupiter.api.Test;

class StatsAggregateCommandTest extends CommandOutput {
    private static final Instant FROM = Instant.parse("2024-05-01T10:05:00Z");
    private static final Instant TO = Instant.parse("2024-05-01T10:15:00Z");
    private static final Instant WHOLE_SECOND = Instant.parse("2024-05-01T10:20:00Z");

    private StatsAggregateCommand command() {
        StatsAggregateCommand c = new StatsAggregateCommand();
        c.stats = stats;
        c.clock = CLOCK;
        return c;
    }

    private static RangeStats group(String name, long exchanges) {
        return new RangeStats(name, Resolution.MINUTE, FROM, TO, exchanges * 6, exchanges * 8192, exchanges, 3);
    }

    @Test
    void theLastHourInTotalByDefault() {
        command().execute();
        assertArrayEquals(new Instant[] {WHOLE_SECOND.minusSeconds(3600), WHOLE_SECOND}, stats.totalsAsked.get(0));
        String out = printed();
        assertTrue(out.startsWith("total, 2024-05-01T09:20:00Z to 2024-05-01T10:20:00Z (1 h, second buckets)"), out);
        assertTrue(out.contains("Total") && out.contains("3600000") && out.contains("1000.0") && out.contains("8.19"), out);
    }

    @Test
    void groupsARelativeRangeBusiestFirst() {
        stats.groups = List.of(group("crypt-1", 600_000), group("direct", 6000));
        StatsAggregateCommand c = command();
        c.from = "-15m";
        c.to = "-5m";
        c.by = "Appliance";
        c.execute();
        assertArrayEquals(new Instant[] {WHOLE_SECOND.minusSeconds(900), WHOLE_SECOND.minusSeconds(300)}, stats.aggregateAsked);
        assertEquals(GroupBy.APPLIANCE, stats.groupByAsked);
        String out = printed();
        assertTrue(out.startsWith("by appliance, 2024-05-01T10:05:00Z to 2024-05-01T10:15:00Z (10 min, minute buckets)"), out);
        assertTrue(out.contains("Appliance") && out.indexOf("crypt-1") < out.indexOf("direct") && out.contains("1000.0"), out);
    }

    @Test
    void acceptsIsoInstantsAndPrintsJson() {
        stats.groups = List.of(group("10", 60));
        StatsAggregateCommand c = command();
        c.from = FROM.toString();
        c.to = "2024-05-01T12:15:00+02:00";
        c.by = "vsan";
        c.json = true;
        c.execute();
        assertArrayEquals(new Instant[] {FROM, TO}, stats.aggregateAsked);
        assertTrue(printed().startsWith("{\"by\":\"vsan\",\"from\":\"2024-05-01T10:05:00Z\",\"to\":\"2024-05-01T10:15:00Z\","
                + "\"groups\":[{\"group\":\"10\",\"resolution\":\"minute\","), printed());
    }

    @Test
    void saysWhenThereIsNoTrafficOrNothingRetained() {
        StatsAggregateCommand empty = command();
        empty.by = "target";
        empty.execute();
        assertTrue(printed().contains("by target, 2024-05-01T09:20:00Z to 2024-05-01T10:20:00Z")
                && printed().contains("no traffic in the range"), printed());
        stats.groups = List.of(new RangeStats("10", Resolution.MINUTE, FROM, FROM, 0, 0, 0, 0));
        StatsAggregateCommand old = command();
        old.by = "vsan";
        old.execute();
        assertTrue(printed().contains("by vsan: nothing of 2024-05-01T09:20:00Z to 2024-05-01T10:20:00Z is retained"),
                printed());
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        StatsAggregateCommand c = command();
        c.from = "-5m";
        c.to = "-15m";
        assertEquals("--from 2024-05-01T10:15:00Z is not before --to 2024-05-01T10:05:00Z",
                assertThrows(IllegalArgumentException.class, c::execute).getMessage());
        StatsAggregateCommand empty = command();
        empty.from = "now";
        assertThrows(IllegalArgumentException.class, empty::execute);
    }

    @Test
    void refusesATimeItCannotRead() {
        StatsAggregateCommand c = command();
        c.to = "yesterday";
        assertTrue(assertThrows(IllegalArgumentException.class, c::execute).getMessage()
                .startsWith("--to 'yesterday': not a time; use now, a time ago"));
    }

    @Test
    void refusesAnUnknownGrouping() {
        StatsAggregateCommand c = command();
        c.by = "port";
        assertEquals("--by 'port': must be one of total, vsan, appliance, target, initiator",
                assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }
}
