package org.fcredirect.webconsole;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.fcredirect.json.Json;
import org.fcredirect.json.JsonLimits;
import org.fcredirect.json.JsonReader;

/**
 * The console's JSON API under /fcr/api on Karaf's HTTP port. Every answer is
 * JSON; none carries {@code WWW-Authenticate}, so a browser never shows its own login box.
 * <ul>
 * <li>{@code POST login} {"user","password"}: a JAAS login in realm karaf; a user with one of the
 * allowed roles gets a session cookie (HttpOnly, SameSite=Strict, path /fcr). A wrong password, an
 * unknown user and a user without those roles get the same 401; a locked-out name 429.</li>
 * <li>{@code POST logout}, {@code GET session}, {@code GET mbeans}, {@code GET attributes?mbean=}
 * and {@code POST invoke} {"mbean","operation","signature","arguments"}: with a session only
 * (else 401); reads and operations as {@link MBeanAccess} allows them to the user (else 403).</li>
 * </ul>
 * Every POST needs a JSON body and an Origin (or Referer) of the console's own pages
 * ({@link OriginPolicy}); every request a Host header naming the console.
 */
final class ConsoleApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String COOKIE = "fcr_console";
    private static final JsonLimits LOGIN_LIMITS = new JsonLimits(4096, 2);
    private static final JsonLimits INVOKE_LIMITS = new JsonLimits(65_536, 4);
    private static final String LOGIN_FAILED = "login failed: wrong user name or password";

    private final transient MBeanAccess mbeans;
    private final transient Authenticator authenticator;
    private final transient SessionStore sessions;
    private final transient LoginThrottle throttle;
    private final transient Clock clock;
    private volatile transient ConsoleLimits limits;
    private volatile transient OriginPolicy origins;
    /** The audit service when there is one, else null. */
    private final transient Supplier<AuditService> audit;

    ConsoleApiServlet(MBeanAccess mbeans, Authenticator authenticator, Clock clock, ConsoleLimits limits, Supplier<AuditService> audit) {
        this.mbeans = mbeans;
        this.authenticator = authenticator;
        this.clock = clock;
        this.audit = audit;
        this.sessions = new SessionStore(clock, 1000);
        this.throttle = new LoginThrottle(10_000);
        apply(limits);
    }

    /** New settings; sessions and failure counts stay. */
    void apply(ConsoleLimits newLimits) {
        this.origins = new OriginPolicy(newLimits.origins());
        this.limits = newLimits;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (!origins.hostAllowed(req.getHeader("Host"), req.getLocalPort())) {
            send(resp, 403, error("this console answers only at the addresses of its HTTP port"));
            return;
        }
        String route = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (req.getMethod() + " " + route) {
                case "GET /session" -> withSession(req, resp, s -> send(resp, 200, who(s)));
                case "GET /mbeans" -> withSession(req, resp, s -> send(resp, 200, Map.of("mbeans", mbeans.describeAll(s.subject()))));
                case "GET /attributes" -> withSession(req, resp, s -> send(resp, 200, mbeans.read(required(req.getParameter("mbean"), "mbean"), s.subject())));
                case "POST /login" -> post(req, resp, LOGIN_LIMITS, body -> login(req, resp, body));
                case "POST /logout" -> post(req, resp, LOGIN_LIMITS, body -> logout(req, resp));
                case "POST /invoke" -> post(req, resp, INVOKE_LIMITS, body -> withSession(req, resp, s -> invoke(resp, body, s)));
                default -> send(resp, route.matches("/(session|mbeans|attributes|login|logout|invoke)") ? 405 : 404,
                        error(req.getMethod() + " " + route + " is not part of the console's API"));
            }
        } catch (MBeanAccess.NotFound e) {
            send(resp, 404, error(e.getMessage()));
        } catch (MBeanAccess.Refused e) {
            send(resp, 403, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            send(resp, 400, error(e.getMessage()));
        }
    }

    /** What a route does once its checks passed. */
    @FunctionalInterface
    private interface Handler<T> {
        void handle(T input) throws IOException, MBeanAccess.NotFound, MBeanAccess.Refused;
    }

    private void post(HttpServletRequest req, HttpServletResponse resp, JsonLimits jsonLimits, Handler<Map<String, Object>> handler)
            throws IOException, MBeanAccess.NotFound, MBeanAccess.Refused {
        if (!origins.changeAllowed(req.getHeader("Origin"), req.getHeader("Referer"), req.getLocalPort())) {
            send(resp, 403, error("a change must come from a page of this console (Origin refused)"));
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            send(resp, 415, error("a JSON body (Content-Type: application/json) expected"));
            return;
        }
        JsonReader reader = JsonReader.of(req.getReader(), jsonLimits);
        Object body = reader.nextValue();
        reader.endDocument();
        if (!(body instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a JSON object expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        handler.handle(members);
    }

    private void withSession(HttpServletRequest req, HttpServletResponse resp, Handler<ConsoleSession> handler)
            throws IOException, MBeanAccess.NotFound, MBeanAccess.Refused {
        Optional<ConsoleSession> session = sessions.find(token(req), limits);
        if (session.isEmpty()) {
            send(resp, 401, error("log in first: no session, or it has ended"));
            return;
        }
        handler.handle(session.get());
    }

    private void login(HttpServletRequest req, HttpServletResponse resp, Map<String, Object> body) throws IOException {
        Instant start = clock.instant();
        ConsoleLimits l = limits;
        String user = text(body, "user");
        String password = text(body, "password");
        if (user.isEmpty() || user.length() > 256) {
            throw new IllegalArgumentException("user: 1 to 256 characters");
        }
        Optional<Duration> locked = throttle.admit(user, start, l);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + 1);
            resp.setHeader("Retry-After", Long.toString(seconds));
            send(resp, 429, error("too many failed logins for this user name: try again in " + seconds + " s"));
            return;
        }
        Optional<Subject> subject = authenticator.login(user, password.toCharArray())
                .filter(s -> roles(s).stream().anyMatch(l.roles()::contains));
        if (subject.isEmpty()) {
            throttle.failed(user, start, l);
            waitUntil(start.plus(l.failedLoginFloor()));
            send(resp, 401, error(LOGIN_FAILED));
            return;
        }
        throttle.succeeded(user);
        sessions.close(token(req));
        ConsoleSession session = sessions.open(user, roles(subject.get()), subject.get(), l);
        resp.addHeader("Set-Cookie", cookie(session.token(), req.isSecure(), -1));
        send(resp, 200, who(session));
    }

    private void logout(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        sessions.close(token(req));
        resp.addHeader("Set-Cookie", cookie("", req.isSecure(), 0));
        send(resp, 200, Map.of("loggedOut", true));
    }

    private void invoke(HttpServletResponse resp, Map<String, Object> body, ConsoleSession s)
            throws IOException, MBeanAccess.NotFound, MBeanAccess.Refused {
        String mbean = text(body, "mbean");
        String operation = text(body, "operation");
        List<String> signature = list(body, "signature").stream().map(String::valueOf).toList();
        String action = "console " + mbean + " " + operation;
        try {
            Object result = mbeans.invoke(mbean, operation, signature, list(body, "arguments"), s.subject());
            record(s, action, AuditOutcome.OK);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", result);
            send(resp, 200, m);
        } catch (MBeanAccess.Refused e) {
            record(s, action, AuditOutcome.DENIED);
            throw e;
        } catch (MBeanAccess.Failed e) {
            record(s, action, AuditOutcome.FAILED);
            send(resp, 422, error(operation + " failed: " + e.getMessage()));
        }
    }

    private void record(ConsoleSession s, String action, AuditOutcome outcome) {
        AuditService service = audit.get();
        if (service != null) {
            service.record(new AuditEntry(clock.instant(), s.user(), AuditOrigin.HTTP, action, List.of(), outcome));
        }
    }

    private static Map<String, Object> who(ConsoleSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("roles", s.roles().stream().sorted().toList());
        return m;
    }

    private static Set<String> roles(Subject subject) {
        return subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
    }

    private static String cookie(String value, boolean secure, int maxAge) {
        return COOKIE + "=" + value + "; Path=/fcr; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private static String token(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private void waitUntil(Instant when) {
        Duration left;
        while (!(left = Duration.between(clock.instant(), when)).isNegative() && !left.isZero()) {
            LockSupport.parkNanos(left.toNanos());
        }
    }

    private static String text(Map<String, Object> body, String member) {
        if (!(body.get(member) instanceof String s)) {
            throw new IllegalArgumentException(member + ": a string expected");
        }
        return s;
    }

    private static List<?> list(Map<String, Object> body, String member) {
        if (!(body.get(member) instanceof List<?> l)) {
            throw new IllegalArgumentException(member + ": a list expected");
        }
        return l;
    }

    private static String required(String value, String parameter) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("parameter " + parameter + " required");
        }
        return value;
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().write(Json.write(body));
    }
}
