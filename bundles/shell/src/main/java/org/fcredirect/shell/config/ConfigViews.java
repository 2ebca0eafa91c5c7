package org.fcredirect.shell.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;

/** What the config commands share: PID short names, the operator's name, and how changes look. */
final class ConfigViews {
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

    static ShellTable changeTable(List<ValueChange> changes) {
        ShellTable t = new ShellTable().emptyTableText("no changes");
        t.column("PID");
        t.column("Key");
        t.column("Running");
        t.column("Staged");
        for (ValueChange c : changes) {
            t.addRow().addContent(c.pid(), c.key(), c.before().orElse("(default)"), c.after().orElse("(default)"));
        }
        return t;
    }

    static List<Object> changesJson(List<ValueChange> changes) {
        List<Object> out = new ArrayList<>();
        for (ValueChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", c.pid());
            m.put("key", c.key());
            m.put("before", c.before().orElse(null));
            m.put("after", c.after().orElse(null));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> versionJson(ConfigVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.number());
        m.put("committed", v.committed().toString());
        m.put("owner", v.owner());
        m.put("comment", v.comment());
        m.put("origin", v.origin().toString());
        m.put("applied", v.applied());
        m.put("changes", changesJson(v.changes()));
        return m;
    }
}
