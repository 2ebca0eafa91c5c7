package org.fcredirect.config.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.SettingDefinition;
import org.fcredirect.config.api.SettingOption;
import org.fcredirect.config.api.SettingType;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The settings every fc-redirect bundle describes in its metatype: types, options, defaults,
 * cardinality and required from the MetaType service, ranges from {@link MetatypeRanges}. Read
 * afresh on every call, so an updated bundle's new rules apply at once.
 */
final class SettingsCatalog {
    private final MetaTypeService metatype;
    private final Supplier<List<Bundle>> bundles;
    private final MetatypeRanges ranges = new MetatypeRanges();

    SettingsCatalog(MetaTypeService metatype, Supplier<List<Bundle>> bundles) {
        this.metatype = metatype;
        this.bundles = bundles;
    }

    /** Every fc-redirect PID with settings, by PID. */
    Map<String, ServiceDefinition> definitions() {
        Map<String, ServiceDefinition> byPid = new TreeMap<>();
        for (Bundle b : bundles.get()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith(ConfigService.BUNDLE_PREFIX)) {
                continue;
            }
            MetaTypeInformation info = metatype.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    byPid.put(pid, define(b, pid, ocd));
                }
            }
        }
        return byPid;
    }

    private ServiceDefinition define(Bundle b, String pid, ObjectClassDefinition ocd) {
        Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        List<SettingDefinition> settings = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            SettingType type = type(ad.getType());
            MetatypeRanges.Range range = ranges.of(b, pid, ad.getID());
            settings.add(new SettingDefinition(ad.getID(), text(ad.getName()), text(ad.getDescription()), type,
                    ad.getCardinality(), list(ad.getDefaultValue()), options(ad), bound(type, range.min()),
                    bound(type, range.max()), required.contains(ad.getID())));
        }
        return new ServiceDefinition(pid, text(ocd.getName()), text(ocd.getDescription()), b.getSymbolicName(),
                settings);
    }

    private static Set<String> ids(AttributeDefinition[] ads) {
        return ads == null ? Set.of() : Arrays.stream(ads).map(AttributeDefinition::getID).collect(Collectors.toSet());
    }

    private static List<SettingOption> options(AttributeDefinition ad) {
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        List<SettingOption> options = new ArrayList<>();
        for (int i = 0; values != null && i < values.length; i++) {
            options.add(new SettingOption(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
        }
        return options;
    }

    /** A bound that is not a number (a length, for a string) is no bound: it could not be compared. */
    private static Optional<String> bound(SettingType type, Optional<String> text) {
        return text.filter(t -> switch (type) {
            case BOOLEAN -> false;
            case CHARACTER -> t.length() == 1;
            case STRING, PASSWORD -> t.matches("\\d{1,9}");
            default -> t.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        });
    }

    private static SettingType type(int metatypeType) {
        return switch (metatypeType) {
            case AttributeDefinition.LONG -> SettingType.LONG;
            case AttributeDefinition.INTEGER -> SettingType.INTEGER;
            case AttributeDefinition.SHORT -> SettingType.SHORT;
            case AttributeDefinition.CHARACTER -> SettingType.CHARACTER;
            case AttributeDefinition.BYTE -> SettingType.BYTE;
            case AttributeDefinition.DOUBLE -> SettingType.DOUBLE;
            case AttributeDefinition.FLOAT -> SettingType.FLOAT;
            case AttributeDefinition.BOOLEAN -> SettingType.BOOLEAN;
            case AttributeDefinition.PASSWORD -> SettingType.PASSWORD;
            default -> SettingType.STRING;
        };
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
