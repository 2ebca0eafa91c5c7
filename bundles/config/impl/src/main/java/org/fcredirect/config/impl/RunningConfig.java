package org.fcredirect.config.impl;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.SettingDefinition;
import org.fcredirect.config.api.ValueChange;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in ConfigAdmin. Values are written as text (a list as a String array), as Karaf's
 * own {@code config:property-set} does, so the {@code etc/*.cfg} files stay plain; Declarative
 * Services converts them to the types the components declare.
 */
final class RunningConfig {
    private static final Logger LOG = LoggerFactory.getLogger(RunningConfig.class);
    private final ConfigurationAdmin admin;

    RunningConfig(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The configured values of a PID as text, by key; empty when it has no configuration. */
    Map<String, String> values(String pid) {
        Configuration c = find(pid);
        Dictionary<String, Object> props = c == null ? null : c.getProperties();
        Map<String, String> values = new HashMap<>();
        if (props != null) {
            for (String key : Collections.list(props.keys())) {
                values.put(key, ValueText.of(props.get(key)));
            }
        }
        return values;
    }

    /** The configured value of one setting. */
    Optional<String> value(String pid, String key) {
        return Optional.ofNullable(values(pid).get(key));
    }

    /**
     * Applies changes of several PIDs, one configuration update per PID. When an update fails,
     * those already made are undone, so the services end where they were.
     */
    void apply(List<ValueChange> changes, Map<String, ServiceDefinition> definitions) {
        Map<String, List<ValueChange>> byPid = new LinkedHashMap<>();
        changes.forEach(c -> byPid.computeIfAbsent(c.pid(), p -> new ArrayList<>()).add(c));
        Deque<Runnable> undo = new ArrayDeque<>();
        for (Map.Entry<String, List<ValueChange>> e : byPid.entrySet()) {
            String pid = e.getKey();
            try {
                Configuration c = admin.getConfiguration(pid, "?");
                Dictionary<String, Object> before = c.getProperties();
                c.update(updated(before, e.getValue(), definitions.get(pid)));
                undo.push(() -> restore(c, before));
            } catch (IOException | RuntimeException ex) {
                int restored = undo.size();
                undo.forEach(Runnable::run);
                throw new ConfigException("applying to " + pid + " failed (" + ex.getMessage()
                        + "); services already updated and restored: " + restored, ex);
            }
        }
    }

    private static Dictionary<String, Object> updated(Dictionary<String, Object> before, List<ValueChange> changes,
            ServiceDefinition definition) {
        Hashtable<String, Object> next = new Hashtable<>();
        if (before != null) {
            for (String key : Collections.list(before.keys())) {
                next.put(key, before.get(key));
            }
        }
        next.remove(Constants.SERVICE_PID);
        for (ValueChange c : changes) {
            if (c.after().isEmpty()) {
                next.remove(c.key());
            } else {
                boolean list = definition.setting(c.key()).map(SettingDefinition::multiValued).orElse(false);
                String text = c.after().get();
                next.put(c.key(), list ? ValueText.split(text).toArray(String[]::new) : text);
            }
        }
        return next;
    }

    private static void restore(Configuration c, Dictionary<String, Object> before) {
        try {
            if (before == null) {
                c.delete();
            } else {
                c.update(before);
            }
        } catch (IOException e) {
            LOG.error("Restoring the configuration of {} failed, it keeps the new values: {}", c.getPid(),
                    e.getMessage());
        }
    }

    private Configuration find(String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new ConfigException("reading the configuration of " + pid + " failed: " + e.getMessage(), e);
        }
    }

    /** Escapes the characters an LDAP filter value cannot hold. */
    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
