package org.fcredirect.config.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import did.
 *
 * @param version the version it committed; empty when the running settings already matched
 * @param featuresNotInstalled features the descriptor lists that are not installed here (an
 *        import installs none: that is the operator's {@code feature:install})
 * @param featuresChecked {@code false} when no Karaf feature service was there to check the
 *        descriptor's features against
 */
public record ImportResult(Optional<ConfigVersion> version, List<FeatureRef> featuresNotInstalled,
        boolean featuresChecked) {

    public ImportResult {
        Objects.requireNonNull(version, "version");
        featuresNotInstalled = List.copyOf(featuresNotInstalled);
    }
}
