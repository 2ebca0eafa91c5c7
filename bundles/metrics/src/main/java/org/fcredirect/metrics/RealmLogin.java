package org.fcredirect.metrics;

import java.util.Optional;
import java.util.Set;

/** Logs a user in to a JAAS realm. */
@FunctionalInterface
interface RealmLogin {
    /** @return the user's roles, or empty when the realm refuses the user or the password */
    Optional<Set<String>> roles(String user, String password);
}
