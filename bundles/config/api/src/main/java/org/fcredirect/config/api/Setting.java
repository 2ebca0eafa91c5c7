package org.fcredirect.config.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A setting of a running service.
 *
 * @param configured the value in the configuration, as text (a list comma-separated, see
 *        {@link ConfigService}); empty while the default applies. A password reads {@code ********}.
 */
public record Setting(SettingDefinition definition, Optional<String> configured) {

    public Setting {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(configured, "configured");
    }

    public String key() {
        return definition.key();
    }

    /** The value in effect: the configured one, else the default (empty text when there is none). */
    public String value() {
        return configured.orElseGet(() -> String.join(", ", definition.defaults()));
    }

    public boolean isDefault() {
        return configured.isEmpty();
    }
}
