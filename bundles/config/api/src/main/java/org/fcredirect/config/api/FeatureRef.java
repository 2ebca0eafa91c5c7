package org.fcredirect.config.api;

import java.util.Objects;

/** A Karaf feature, by name and version. */
public record FeatureRef(String name, String version) {

    public FeatureRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return name + "/" + version;
    }
}
