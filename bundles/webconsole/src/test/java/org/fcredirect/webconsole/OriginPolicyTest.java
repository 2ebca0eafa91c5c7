package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy policy = new OriginPolicy(List.of());

    @Test
    void pagesOfTheConsolesOwnPortMayPost() {
        assertTrue(policy.changeAllowed("http://127.0.0.1:8181", null, 8181));
        assertTrue(policy.changeAllowed("http://localhost:8181", null, 8181));
        assertTrue(policy.changeAllowed("HTTP://LOCALHOST:8181", null, 8181));
        assertTrue(policy.changeAllowed(null, "http://127.0.0.1:8181/fcr/", 8181), "the Referer when there is no Origin");
    }

    @Test
    void otherPagesMayNot() {
        assertFalse(policy.changeAllowed("http://evil.example", null, 8181));
        assertFalse(policy.changeAllowed("http://127.0.0.1:8182", null, 8181), "another port of this host");
        assertFalse(policy.changeAllowed("http://127.0.0.1", null, 8181));
        assertFalse(policy.changeAllowed("null", null, 8181), "a sandboxed page");
        assertFalse(policy.changeAllowed(null, null, 8181), "neither header");
        assertFalse(policy.changeAllowed("http://evil.example", "http://127.0.0.1:8181/fcr/", 8181), "Origin decides when there is one");
        assertFalse(policy.changeAllowed("http://127.0.0.1:8181@evil.example", null, 8181));
        assertFalse(policy.changeAllowed("file:///tmp/x.html", null, 8181));
        assertFalse(policy.changeAllowed("http://[bad", null, 8181));
        assertFalse(policy.changeAllowed("", null, 8181));
    }

    @Test
    void theHostHeaderMustNameTheConsole() {
        assertTrue(policy.hostAllowed("127.0.0.1:8181", 8181));
        assertTrue(policy.hostAllowed("localhost:8181", 8181));
        assertTrue(policy.hostAllowed("[::1]:8181", 8181));
        assertFalse(policy.hostAllowed("evil.example:8181", 8181), "DNS rebinding");
        assertFalse(policy.hostAllowed("127.0.0.1:9999", 8181));
        assertFalse(policy.hostAllowed("127.0.0.1", 8181));
        assertFalse(policy.hostAllowed(null, 8181));
    }

    @Test
    void configuredOriginsAreAllowedToo() {
        OriginPolicy tunnel = new OriginPolicy(List.of("http://127.0.0.1:9181"));
        assertTrue(tunnel.changeAllowed("http://127.0.0.1:9181", null, 8181));
        assertTrue(tunnel.hostAllowed("127.0.0.1:9181", 8181));
        assertTrue(tunnel.changeAllowed("http://127.0.0.1:8181", null, 8181));
    }

    @Test
    void aConfiguredOriginMustBeAnHttpOrigin() {
        assertThrows(IllegalArgumentException.class, () -> new OriginPolicy(List.of("127.0.0.1:9181")));
        assertThrows(IllegalArgumentException.class, () -> new OriginPolicy(List.of("ftp://host:21")));
        assertThrows(IllegalArgumentException.class, () -> new OriginPolicy(List.of("*")));
    }

    @Test
    void originsAreNormalised() {
        assertEquals(Optional.of("http://host:80"), OriginPolicy.originOf("http://HOST"));
        assertEquals(Optional.of("https://host:443"), OriginPolicy.originOf("https://host/path?q"));
        assertEquals(Optional.empty(), OriginPolicy.originOf("host"));
    }
}
