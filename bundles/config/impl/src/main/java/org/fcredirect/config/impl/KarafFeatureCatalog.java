package org.fcredirect.config.impl;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.FeatureRef;

/** The features of Karaf's feature service. */
final class KarafFeatureCatalog implements FeatureCatalog {
    private final FeaturesService features;

    KarafFeatureCatalog(FeaturesService features) {
        this.features = features;
    }

    boolean wraps(FeaturesService service) {
        return features == service;
    }

    static boolean fcr(String featureName) {
        return featureName.equals("fcr") || featureName.startsWith("fcr-");
    }

    @Override
    public List<FeatureRef> installed() {
        try {
            return Arrays.stream(features.listInstalledFeatures()).filter(f -> fcr(f.getName()))
                    .map(f -> new FeatureRef(f.getName(), f.getVersion()))
                    .sorted(Comparator.comparing(FeatureRef::name)).toList();
        } catch (Exception e) {
            throw new ConfigException("listing the installed features failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(FeatureRef feature) {
        try {
            Feature[] found = features.getFeatures(feature.name(), feature.version());
            return found != null && found.length > 0;
        } catch (Exception e) {
            throw new ConfigException("looking up feature " + feature + " failed: " + e.getMessage(), e);
        }
    }
}
