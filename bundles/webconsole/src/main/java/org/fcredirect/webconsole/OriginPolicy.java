package org.fcredirect.webconsole;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages may talk to the console. A change (POST) must come from a page of the console: its
 * Origin header (or, without one, its Referer) must be the HTTP port's own loopback origin or a
 * configured one; a request with neither is refused, since every browser sends Origin on a POST.
 * The Host header must name one of those too, so a page of another site that resolves its own name
 * to 127.0.0.1 (DNS rebinding) reaches nothing. The port is the one the request came in on, never
 * one a header claims.
 */
final class OriginPolicy {
    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");

    private final Set<String> extraOrigins = new HashSet<>();
    private final Set<String> extraHosts = new HashSet<>();

    OriginPolicy(List<String> origins) {
        for (String o : origins) {
            String origin = originOf(o).orElseThrow(() -> new IllegalArgumentException("origins: not an http(s) origin: " + o));
            extraOrigins.add(origin);
            extraHosts.add(origin.substring(origin.indexOf("://") + 3));
        }
    }

    /** Whether a POST with these headers comes from a page of the console. */
    boolean changeAllowed(String originHeader, String refererHeader, int localPort) {
        String header = originHeader != null ? originHeader : refererHeader;
        if (header == null) {
            return false;
        }
        return originOf(header).filter(o -> extraOrigins.contains(o) || loopbackOrigin(o, localPort)).isPresent();
    }

    /** Whether the Host header names this console. */
    boolean hostAllowed(String hostHeader, int localPort) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        return extraHosts.contains(host) || LOOPBACK_HOSTS.stream().anyMatch(h -> host.equals(h + ":" + localPort));
    }

    private static boolean loopbackOrigin(String origin, int port) {
        return LOOPBACK_HOSTS.stream().anyMatch(h -> origin.equals("http://" + h + ":" + port) || origin.equals("https://" + h + ":" + port));
    }

    /** scheme://host:port of an origin or a URL, lower case, with the scheme's default port spelled out. */
    static Optional<String> originOf(String header) {
        try {
            URI uri = new URI(header.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
