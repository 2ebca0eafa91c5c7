package org.fcredirect.shell.config;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.console.Session;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;
import org.fcredirect.shell.View;

/** What the config commands share: PID short names, the operator's name, and how changes look. */
final class ConfigViews {
    static final View<ValueChange> CHANGES = new View<ValueChange>("no changes")
            .column("PID", "pid", ValueChange::pid)
            .column("Key", "key", ValueChange::key)
            .column("Running", "before", c -> c.before().orElse(null), c -> c.before().orElse("(default)"))
            .column("Staged", "after", c -> c.after().orElse(null), c -> c.after().orElse("(default)"));

    static final View<ConfigVersion> VERSIONS = new View<ConfigVersion>("no versions committed yet")
            .number("Version", "version", ConfigVersion::number)
            .column("Committed", "committed", v -> v.committed().toString())
            .column("Owner", "owner", ConfigVersion::owner)
            .tableOnly("Origin", ConfigVersion::origin)
            .column("Comment", "comment", ConfigVersion::comment)
            .jsonOnly("origin", v -> v.origin().toString())
            .jsonOnly("applied", ConfigVersion::applied)
            .column("Changes", "changes", v -> CHANGES.json(v.changes()), v -> v.changes().stream()
                    .map(c -> c.pid().replace("org.fcredirect.", "") + "." + c.key() + "=" + c.after().orElse("(default)"))
                    .collect(Collectors.joining(" "))).clipped(70);

    private ConfigViews() {
    }

    /** {@code policy} means {@code org.fcredirect.policy}; a full PID stays as it is. */
    static String pid(String name) {
        return name.indexOf('.') >= 0 ? name : ConfigService.BUNDLE_PREFIX + name;
    }

    static String owner(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "shell" : user.toString();
    }
}
