package org.fcredirect.webconsole;

import java.time.Instant;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * A logged-in browser: the user as the JAAS login made it, known by the token of its cookie.
 *
 * @param token the cookie's value, random
 * @param user the user name
 * @param roles its roles in the karaf realm
 * @param subject the JAAS subject every MBean access runs as
 * @param opened when it logged in
 * @param lastSeen its latest request
 */
record ConsoleSession(String token, String user, Set<String> roles, Subject subject, Instant opened, Instant lastSeen) {

    ConsoleSession {
        roles = Set.copyOf(roles);
    }

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(token, user, roles, subject, opened, now);
    }
}
