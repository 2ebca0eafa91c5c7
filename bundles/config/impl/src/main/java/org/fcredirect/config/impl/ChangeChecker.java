package org.fcredirect.config.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fcredirect.config.api.SettingDefinition;
import org.fcredirect.config.api.SettingError;
import org.fcredirect.config.api.SettingRule;
import org.fcredirect.config.api.StagedChange;

/** Puts changes to the services' metatype rules: known PID, known key, a valid value, required settings kept. */
final class ChangeChecker {
    static final String UNKNOWN_PID = "no fc-redirect service has settings under this PID (is its feature installed?)";

    /** A change in canonical form, or why it is refused. */
    record Result(Optional<StagedChange> canonical, Optional<SettingError> error) {
    }

    private ChangeChecker() {
    }

    static Result check(Map<String, ServiceDefinition> definitions, StagedChange c) {
        String shown = c.value().orElse("");
        ServiceDefinition service = definitions.get(c.pid());
        if (service == null) {
            return refused(c, shown, SettingRule.UNKNOWN_PID, UNKNOWN_PID);
        }
        Optional<SettingDefinition> setting = service.setting(c.key());
        if (setting.isEmpty()) {
            return refused(c, shown, SettingRule.UNKNOWN_KEY, "not a setting of " + service.pid() + "; its settings are "
                    + service.settings().stream().map(SettingDefinition::key).collect(Collectors.joining(", ")));
        }
        if (c.value().isEmpty()) {
            Optional<SettingProblem> p = SettingValidator.checkReset(setting.get());
            return p.isPresent() ? refused(c, shown, p.get().rule(), p.get().problem())
                    : new Result(Optional.of(c), Optional.empty());
        }
        SettingValidator.Checked checked = SettingValidator.check(setting.get(), c.value().get());
        if (checked.problem().isPresent()) {
            return refused(c, shown, checked.problem().get().rule(), checked.problem().get().problem());
        }
        return new Result(Optional.of(new StagedChange(c.pid(), c.key(), checked.canonical())), Optional.empty());
    }

    /**
     * The required settings without a default that a service would be left without.
     *
     * @param configured the service's configured keys once the changes are applied
     * @param flagged keys already refused, not to be reported twice
     */
    static List<SettingError> missingRequired(ServiceDefinition service, Set<String> configured, Set<String> flagged) {
        List<SettingError> missing = new ArrayList<>();
        for (SettingDefinition d : service.settings()) {
            if (d.required() && d.defaults().isEmpty() && !configured.contains(d.key()) && !flagged.contains(d.key())) {
                missing.add(new SettingError(service.pid(), d.key(), "", SettingRule.REQUIRED,
                        "is required, has no default and is not set"));
            }
        }
        return missing;
    }

    private static Result refused(StagedChange c, String value, SettingRule rule, String problem) {
        return new Result(Optional.empty(), Optional.of(new SettingError(c.pid(), c.key(), value, rule, problem)));
    }
}
