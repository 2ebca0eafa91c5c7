package org.fcredirect.config.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.config.api.ConfigSession;
import org.fcredirect.config.api.StagedChange;
import org.fcredirect.config.impl.VersionHistory.SettingId;

/** The open session's staged changes, one per setting, in the order first staged. Guarded by its owner. */
final class StagingArea {
    private final String owner;
    private final Instant started;
    private final Map<SettingId, StagedChange> changes = new LinkedHashMap<>();

    StagingArea(String owner, Instant started) {
        this.owner = owner;
        this.started = started;
    }

    String owner() {
        return owner;
    }

    void put(StagedChange c) {
        changes.put(new SettingId(c.pid(), c.key()), c);
    }

    void remove(String pid, String key) {
        changes.remove(new SettingId(pid, key));
    }

    List<StagedChange> changes() {
        return List.copyOf(changes.values());
    }

    ConfigSession view() {
        return new ConfigSession(owner, started, changes());
    }
}
