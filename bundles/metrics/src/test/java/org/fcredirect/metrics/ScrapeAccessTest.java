package org.fcredirect.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fcredirect.metrics.ScrapeAccess.Outcome;
import org.junit.jupiter.api.Test;

class ScrapeAccessTest {
    /** A realm of three users; the password is the user's name backwards. */
    private static final Map<String, Set<String>> USERS = Map.of("alice", Set.of("admin", "manager", "viewer", "ssh"),
            "victor", Set.of("viewer", "ssh"), "sam", Set.of("ssh"));

    private final ScrapeAccess access = new ScrapeAccess((user, password) -> USERS.containsKey(user)
            && new StringBuilder(user).reverse().toString().equals(password) ? Optional.of(USERS.get(user)) : Optional.empty());

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void viewersAndAdminsMayScrape() {
        assertEquals(Outcome.ALLOWED, access.check(basic("victor:rotciv")));
        assertEquals(Outcome.ALLOWED, access.check(basic("alice:ecila")));
        assertEquals(Outcome.ALLOWED, access.check("basic " + basic("alice:ecila").substring(6)), "the scheme is case-insensitive");
    }

    @Test
    void aUserWithNeitherRoleIsForbidden() {
        assertEquals(Outcome.FORBIDDEN, access.check(basic("sam:mas")));
    }

    @Test
    void missingMalformedOrRefusedCredentialsAreUnauthenticated() {
        for (String header : new String[] {null, "", "Basic", "Basic ", "Bearer abc", "Digest username=\"alice\"",
                "Basic !!!not-base64", basic("alice"), basic(":ecila"), basic("alice:wrong"), basic("nobody:ydobon"),
                basic("victor:rotciv").replace("Basic ", "Basic\t")}) {
            assertEquals(Outcome.UNAUTHENTICATED, access.check(header), String.valueOf(header));
        }
    }

    @Test
    void aPasswordMayHoldAColon() {
        ScrapeAccess colon = new ScrapeAccess((user, password) -> password.equals("a:b") ? Optional.of(Set.of("viewer")) : Optional.empty());
        assertEquals(Outcome.ALLOWED, colon.check(basic("victor:a:b")));
    }
}
