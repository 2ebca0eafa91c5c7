package org.fcredirect.config.impl;

import java.util.List;
import java.util.Optional;

import org.fcredirect.config.api.SettingDefinition;

/** What a service's metatype says of its settings. */
record ServiceDefinition(String pid, String name, String description, String bundle, List<SettingDefinition> settings) {

    ServiceDefinition {
        settings = List.copyOf(settings);
    }

    Optional<SettingDefinition> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
