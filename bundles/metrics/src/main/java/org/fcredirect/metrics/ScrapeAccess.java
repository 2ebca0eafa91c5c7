package org.fcredirect.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Who may scrape, fail-closed: HTTP Basic credentials the karaf realm accepts, of a user with the
 * viewer or admin role. Anything else is refused, a malformed header included.
 */
final class ScrapeAccess {
    static final Set<String> ROLES = Set.of("viewer", "admin");

    enum Outcome {
        ALLOWED,
        /** No credentials, unreadable ones, or ones the realm refuses: 401 with a Basic challenge. */
        UNAUTHENTICATED,
        /** A user of the realm without the viewer or admin role: 403. */
        FORBIDDEN
    }

    private final RealmLogin realm;

    ScrapeAccess(RealmLogin realm) {
        this.realm = realm;
    }

    Outcome check(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Outcome.UNAUTHENTICATED;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Outcome.UNAUTHENTICATED;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Outcome.UNAUTHENTICATED;
        }
        return realm.roles(decoded.substring(0, colon), decoded.substring(colon + 1))
                .map(roles -> Collections.disjoint(roles, ROLES) ? Outcome.FORBIDDEN : Outcome.ALLOWED)
                .orElse(Outcome.UNAUTHENTICATED);
    }
}
