package org.fcredirect.shell.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.fc.Hex;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.View;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;

@Service
@Command(scope = "fcr", name = "events", description = "Lists events of the durable event log, the newest last")
public class EventsCommand implements Action {
    static final int MAX_COUNT = 10_000;

    @Option(name = "--stream", aliases = "-s", multiValued = true, description = "Only these streams (flow, policy, config, ...); repeatable")
    List<String> streams;

    @Option(name = "--from", aliases = "-f", description = "First sequence number to show; default: the newest -n events")
    long from = -1;

    @Option(name = "-n", aliases = "--count", description = "How many events to show, 1.." + MAX_COUNT + " (default 20)")
    int count = 20;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    EventLog log;

    @Override
    public Object execute() {
        Services.require(log, "event log", "fcr-storage");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("-n " + count + ": must be 1.." + MAX_COUNT);
        }
        if (from < -1) {
            throw new IllegalArgumentException("--from " + from + ": a sequence number is 0 or more");
        }
        StreamFilter filter = streams == null || streams.isEmpty() ? StreamFilter.all() : StreamFilter.of(streams.toArray(new String[0]));
        List<StoredEvent> events = from >= 0 ? log.read(filter, from, count).events() : newest(filter);
        if (json) {
            List<Object> out = new ArrayList<>();
            events.forEach(e -> out.add(toJson(e)));
            System.out.println(Json.write(out));
        } else {
            table(events).print(System.out);
        }
        return null;
    }

    private List<StoredEvent> newest(StreamFilter filter) {
        if (filter.isAll()) {
            long first = Math.max(0, log.lastSequence() - count + 1);
            return log.read(filter, first, count).events();
        }
        // one stream's newest events can lie anywhere in the log: keep the last n of a replay
        Deque<StoredEvent> last = new ArrayDeque<>(count);
        log.replay(filter, 0, e -> {
            if (last.size() == count) {
                last.removeFirst();
            }
            last.addLast(e);
            return true;
        });
        return new ArrayList<>(last);
    }

    /** One description of an event for the table and the JSON; the payload is text or hex, never both. */
    static final View<StoredEvent> VIEW = new View<StoredEvent>("no events")
            .number("Seq", "sequence", StoredEvent::sequence)
            .column("Time (UTC)", "timestamp", e -> e.timestamp().toString(), StoredEvent::timestamp)
            .column("Stream", "stream", StoredEvent::stream)
            .column("Type", "type", StoredEvent::type)
            .number("Bytes", "bytes", StoredEvent::payloadSize)
            .tableOnly("Payload", e -> PayloadPreview.of(e.payload())).clipped(60)
            .jsonOnly("payload", e -> PayloadPreview.isText(e.payload()) ? new String(e.payload(), StandardCharsets.UTF_8) : null)
            .jsonOnly("payload_hex", e -> PayloadPreview.isText(e.payload()) ? null : Hex.encode(e.payload(), 0, e.payload().length));

    static ShellTable table(List<StoredEvent> events) {
        return VIEW.table(events);
    }

    static Map<String, Object> toJson(StoredEvent e) {
        Map<String, Object> m = VIEW.json(e);
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
