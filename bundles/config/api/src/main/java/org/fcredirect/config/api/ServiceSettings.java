package org.fcredirect.config.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one fc-redirect service: its configuration PID, what its metatype calls it, and
 * every setting with its value in effect.
 *
 * @param bundle the symbolic name of the bundle whose metatype defines the settings
 */
public record ServiceSettings(String pid, String name, String description, String bundle, List<Setting> settings) {

    public ServiceSettings {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(bundle, "bundle");
        settings = List.copyOf(settings);
    }

    public Optional<Setting> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
