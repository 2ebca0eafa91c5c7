package org.fcredirect.shell.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageStatus;

@Service
@Command(scope = "fcr", name = "storage", description = "Shows the durable event log: where it is, how big, how fast, and what went wrong")
public class StorageCommand implements Action {

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    EventLog log;

    @Override
    public Object execute() {
        Services.require(log, "event log", "fcr-storage");
        StorageStatus status = log.status();
        if (json) {
            System.out.println(Json.write(toJson(status)));
            return null;
        }
        for (String warning : status.warnings()) {
            System.out.println("WARNING: " + warning);
        }
        ShellTable table = new ShellTable();
        table.column("Property");
        table.column("Value");
        describe(status).forEach((k, v) -> table.addRow().addContent(k, v));
        table.print(System.out);
        return null;
    }

    static Map<String, Object> describe(StorageStatus s) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("backend", s.backend());
        rows.put("state", s.faulted() ? "FAULTED" : s.open() ? "open" : "closed");
        rows.put("durability", s.durability().name().toLowerCase());
        s.details().forEach(rows::put);
        rows.put("sequences", s.lastSequence() < s.firstSequence() ? "none stored" : s.firstSequence() + ".." + s.lastSequence());
        rows.put("events", s.eventCount());
        rows.put("bytes", s.byteCount());
        rows.put("appends/s", String.format("%.1f", s.appendsPerSecond()));
        boolean replicated = s.durability() == DurabilityMode.REPLICATED;
        rows.put(replicated ? "commit latency" : "fsync latency", String.format("p50 %d us, p99 %d us, max %d us (%d %s)",
                s.forceLatency().p50Micros(), s.forceLatency().p99Micros(), s.forceLatency().maxMicros(),
                s.forceLatency().count(), replicated ? "commits" : "forces"));
        rows.put("failed appends", s.failedAppends());
        rows.put("truncated on recovery", s.truncatedOnRecovery() + " records, " + s.truncatedBytesOnRecovery() + " bytes");
        rows.put("subscriptions", s.subscriptions());
        s.lastError().ifPresent(e -> rows.put("last error", e + s.lastErrorAt().map(t -> " at " + t).orElse("")));
        return rows;
    }

    static Map<String, Object> toJson(StorageStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", s.backend());
        m.put("open", s.open());
        m.put("faulted", s.faulted());
        m.put("durability", s.durability().name().toLowerCase());
        m.put("details", s.details());
        m.put("first_sequence", s.firstSequence());
        m.put("last_sequence", s.lastSequence());
        m.put("events", s.eventCount());
        m.put("bytes", s.byteCount());
        m.put("appends_per_second", s.appendsPerSecond());
        Map<String, Object> force = new LinkedHashMap<>();
        force.put("count", s.forceLatency().count());
        force.put("p50_us", s.forceLatency().p50Micros());
        force.put("p99_us", s.forceLatency().p99Micros());
        force.put("max_us", s.forceLatency().maxMicros());
        m.put("fsync_latency", force);
        m.put("failed_appends", s.failedAppends());
        m.put("truncated_on_recovery", s.truncatedOnRecovery());
        m.put("truncated_bytes_on_recovery", s.truncatedBytesOnRecovery());
        m.put("subscriptions", s.subscriptions());
        m.put("last_error", s.lastError().orElse(null));
        m.put("warnings", s.warnings());
        return m;
    }
}
