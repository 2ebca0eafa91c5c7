package org.fcredirect.config.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;

/** The committed versions, oldest first, and what the settings were at each. Guarded by its owner. */
final class VersionHistory {

    /** A setting, across services. */
    record SettingId(String pid, String key) {
    }

    private final List<ConfigVersion> versions = new ArrayList<>();

    void add(ConfigVersion v) {
        versions.add(v);
    }

    /** Marks a version as not applied: applying it failed and was undone. */
    void reverted(long number) {
        for (int i = 0; i < versions.size(); i++) {
            ConfigVersion v = versions.get(i);
            if (v.number() == number) {
                versions.set(i, new ConfigVersion(v.number(), v.committed(), v.owner(), v.comment(), v.origin(),
                        v.changes(), false));
            }
        }
    }

    long nextNumber() {
        return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number() + 1;
    }

    List<ConfigVersion> all() {
        return List.copyOf(versions);
    }

    boolean known(long number) {
        return number == 0 || versions.stream().anyMatch(v -> v.number() == number);
    }

    /**
     * The value at version {@code number} of every setting an applied version after it changed:
     * its last value set up to that version, else its value before the first change after it.
     */
    Map<SettingId, Optional<String>> valuesAt(long number) {
        Map<SettingId, Optional<String>> lastSet = new HashMap<>();
        Map<SettingId, Optional<String>> at = new LinkedHashMap<>();
        for (ConfigVersion v : versions) {
            if (!v.applied()) {
                continue;
            }
            for (ValueChange c : v.changes()) {
                SettingId id = new SettingId(c.pid(), c.key());
                if (v.number() <= number) {
                    lastSet.put(id, c.after());
                } else if (!at.containsKey(id)) {
                    at.put(id, lastSet.getOrDefault(id, c.before()));
                }
            }
        }
        return at;
    }
}
