package org.fcredirect.webconsole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The console's page, script and style at /fcr/, from inside this bundle: nothing is fetched from
 * elsewhere, so it works offline. The files are public (the login form is among them); what they
 * show comes from /fcr/api after a login. The page may load only its own files, may not be framed,
 * and tells other sites nothing of itself (Referrer-Policy same-origin, which still lets its own POSTs
 * carry their Origin).
 */
final class ConsolePageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", "text/html;charset=utf-8",
            "/console.js", "text/javascript;charset=utf-8",
            "/console.css", "text/css;charset=utf-8");

    private final transient Map<String, byte[]> content = Map.of(
            "/", load("index.html"), "/console.js", load("console.js"), "/console.css", load("console.css"));

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        String type = FILES.get(path);
        if (type == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Content-Security-Policy", POLICY);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(content.get(path));
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsolePageServlet.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
