package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console at /fcr/ as an operator meets it: the assembly started with bin/karaf and its
 * demo traffic, a real headless Chromium (the system's, through the system's chromedriver) logging
 * in, browsing the org.fcredirect MBeans, watching a fast path counter rise and running an
 * operation; and the console's security over plain HTTP, where the browser would hide it.
 */
public class WebConsoleIT {
    static final String ADMIN_PASSWORD = "admin-pw-1";
    static final String VIEWER = "viewer1";
    static final String VIEWER_PASSWORD = "viewer-pw-1";
    static final String LOCKED = "locked1";
    static final String LOCKED_PASSWORD = "locked-pw-1";
    static final List<String> FCR_TYPES = List.of("Config", "FastPath", "FlowManager", "Monitor", "PolicyEngine", "Stats", "Storage", "Traffic");
    static final String COMPACT = "{\"mbean\":\"org.fcredirect:type=Storage\",\"operation\":\"compact\",\"signature\":[],\"arguments\":[]}";
    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Pattern COOKIE = Pattern.compile("fcr_console=([^;]*)");

    private static KarafProcess karaf;
    private static String base;
    private static String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeClass
    public static void startKaraf() throws Exception {
        Path zip = Path.of(System.getProperty("fcr.assembly.zip"));
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "webconsole-it");
        karaf = KarafProcess.start(zip, folder, ADMIN_PASSWORD, List.of(
                VIEWER + " = " + VIEWER_PASSWORD + ",_g_:viewergroup",
                LOCKED + " = " + LOCKED_PASSWORD + ",_g_:viewergroup"));
        origin = "http://127.0.0.1:" + karaf.httpPort();
        base = origin + "/fcr/";
        awaitTraffic();
    }

    @AfterClass
    public static void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** Until the console answers and the demo's frames flow through the fast path. */
    private static void awaitTraffic() {
        HttpClient client = HttpClient.newHttpClient();
        String[] last = {"nothing"};
        try {
            FcrTestSupport.await("traffic through the console", BOOT.toMillis(), () -> {
                assertTrue("Karaf ended; see " + karaf.home().resolve("console.out"), karaf.alive());
                try {
                    HttpResponse<String> login = client.send(json(origin + "/fcr/api/login", origin, null,
                            "{\"user\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"),
                            HttpResponse.BodyHandlers.ofString());
                    last[0] = login.statusCode() + " " + login.body();
                    if (login.statusCode() != 200) {
                        return false;
                    }
                    HttpResponse<String> fastPath = client.send(HttpRequest.newBuilder(URI.create(origin
                            + "/fcr/api/attributes?mbean=org.fcredirect:type=FastPath")).header("Cookie", cookie(login))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    last[0] = fastPath.body();
                    return number(fastPath.body(), "FramesProcessed").orElse(0L) > 0;
                } catch (ConnectException e) {
                    last[0] = e.toString();
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError("no traffic through the console within " + BOOT + ": " + last[0], timedOut);
        }
    }

    @Test
    public void anonymousRequestsGetJsonAndNeverABrowserLoginBox() throws Exception {
        for (String path : List.of("api/session", "api/mbeans", "api/attributes?mbean=org.fcredirect:type=FastPath")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(path, 401, r.statusCode());
            assertNoLoginBox(r);
            assertTrue(r.body(), r.body().startsWith("{\"error\":"));
        }
        HttpResponse<String> invoke = post("api/invoke", origin, null, COMPACT);
        assertEquals(401, invoke.statusCode());
        assertNoLoginBox(invoke);
        HttpResponse<String> page = get("", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"login-form\""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals(404, get("nothing.js", null).statusCode());
    }

    @Test
    public void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = login(VIEWER, "not-the-password", origin);
        HttpResponse<String> unknown = login("nobody-here", "not-the-password", origin);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertNoLoginBox(wrong);
        assertFalse("no cookie for a failed login", wrong.headers().firstValue("Set-Cookie").isPresent());
        assertEquals(400, post("api/login", origin, null, "{\"user\":\"x\"}").statusCode());
        assertEquals(400, post("api/login", origin, null, "{\"user\":\"x\",\"password\":\"y\"").statusCode());
        assertEquals(400, post("api/login", origin, null, "[]").statusCode());
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "api/login")).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=admin&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("a form post, which another site's page could send without a preflight", 415, form.statusCode());
    }

    @Test
    public void repeatedFailuresLockTheUserNameOutEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(LOCKED, "guess-" + i, origin).statusCode());
        }
        HttpResponse<String> locked = login(LOCKED, LOCKED_PASSWORD, origin);
        assertEquals(locked.body(), 429, locked.statusCode());
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertNoLoginBox(locked);
        assertEquals("another user name is not locked", 200, login(VIEWER, VIEWER_PASSWORD, origin).statusCode());
    }

    @Test
    public void postsFromAnotherOriginOrWithoutOneAndOtherHostsAreRefused() throws Exception {
        String login = "{\"user\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}";
        assertEquals(403, post("api/login", "http://evil.example", null, login).statusCode());
        assertEquals(403, post("api/login", "null", null, login).statusCode());
        assertEquals(403, post("api/login", "http://127.0.0.1:" + (karaf.httpPort() + 1), null, login).statusCode());
        assertEquals("no Origin at all", 403, post("api/login", null, null, login).statusCode());
        String admin = cookie(login("admin", ADMIN_PASSWORD, origin));
        HttpResponse<String> crossSite = post("api/invoke", "http://evil.example", admin, COMPACT);
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body(), crossSite.body().contains("Origin refused"));
        assertEquals(200, post("api/invoke", origin, admin, COMPACT).statusCode());
        assertEquals("a GET cannot change anything", 405, get("api/invoke", admin).statusCode());
        // a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host
        assertTrue(rawGet("/fcr/api/session", "evil.example:" + karaf.httpPort()).startsWith("HTTP/1.1 403"));
    }

    @Test
    public void aViewerReadsButTheServerRefusesItAnAdminOperation() throws Exception {
        String viewer = cookie(login(VIEWER, VIEWER_PASSWORD, origin));
        HttpResponse<String> read = get("api/attributes?mbean=org.fcredirect:type=FastPath", viewer);
        assertEquals(200, read.statusCode());
        assertTrue(read.body(), number(read.body(), "FramesProcessed").orElse(0L) > 0);
        HttpResponse<String> refused = post("api/invoke", origin, viewer, COMPACT);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("your roles may not run compact"));
        HttpResponse<String> query = post("api/invoke", origin, viewer, "{\"mbean\":\"org.fcredirect:type=PolicyEngine\",\"operation\":\"evaluate\","
                + "\"signature\":[\"int\",\"java.lang.String\",\"java.lang.String\"],\"arguments\":[\"100\",\"20:00:00:25:b5:0a:00:01\",\"50:06:01:60:3b:a0:00:01\"]}");
        assertEquals("a query the ACLs open to viewers: " + query.body(), 200, query.statusCode());
        HttpResponse<String> outside = get("api/attributes?mbean=java.lang:type=Runtime", viewer);
        assertEquals("only the org.fcredirect domain", 404, outside.statusCode());
        HttpResponse<String> bad = post("api/invoke", origin, viewer, "{\"mbean\":\"org.fcredirect:type=PolicyEngine\",\"operation\":\"evaluate\","
                + "\"signature\":[\"int\",\"java.lang.String\",\"java.lang.String\"],\"arguments\":[\"ten\",\"a\",\"b\"]}");
        assertEquals(bad.body(), 400, bad.statusCode());
    }

    @Test
    public void theSessionCookieIsHttpOnlyAndSameSiteStrictAndLogoutEndsIt() throws Exception {
        HttpResponse<String> login = login(VIEWER, VIEWER_PASSWORD, origin);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/fcr"));
        String viewer = cookie(login);
        assertEquals(200, get("api/session", viewer).statusCode());
        assertEquals(200, post("api/logout", origin, viewer, "{}").statusCode());
        assertEquals(401, get("api/session", viewer).statusCode());
        assertEquals("a forged token", 401, get("api/session", "fcr_console=" + "A".repeat(43)).statusCode());
    }

    @Test
    public void inChromiumAnAdminWatchesAFastPathCounterRiseAndRunsAnOperation() throws Exception {
        WebDriver browser = chromium();
        try {
            logIn(browser, "admin", ADMIN_PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            for (String type : FCR_TYPES) {
                assertNotNull(type, mbeanButton(browser, type));
            }
            wait.until(b -> number(b.findElement(By.id("tile-fps")).getText()) > 0);
            assertTrue(browser.findElement(By.id("tile-health")).getText().contains("healthy"));
            screenshot(browser, "admin-overview");

            mbeanButton(browser, "FastPath").click();
            By frames = By.cssSelector("tr[data-attribute='FramesProcessed'] td.value");
            wait.until(b -> number(b.findElement(frames).getText()) > 0);
            long first = number(browser.findElement(frames).getText());
            wait.until(b -> number(b.findElement(frames).getText()) > first);
            long second = number(browser.findElement(frames).getText());
            assertTrue(first + " then " + second, second > first);
            browser.findElement(By.cssSelector("tr[data-attribute='FramesProcessed']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attribute-chart")));

            mbeanButton(browser, "Storage").click();
            WebElement compact = browser.findElement(By.cssSelector(".operation[data-operation='compact']"));
            WebElement run = compact.findElement(By.cssSelector("button.invoke"));
            assertTrue("admin may run compact", run.isEnabled());
            run.click();
            WebElement result = compact.findElement(By.cssSelector("pre.result"));
            wait.until(b -> result.getText().contains("CompactionResult"));
            screenshot(browser, "admin-storage");

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            browser.get(base);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            assertFalse(browser.findElement(By.id("app-view")).isDisplayed());
        } finally {
            browser.quit();
        }
    }

    @Test
    public void inChromiumAViewerSeesAdminOperationsClosedAndTheServerRefusesThem() throws Exception {
        WebDriver browser = chromium();
        try {
            logIn(browser, VIEWER, VIEWER_PASSWORD);
            mbeanButton(browser, "Storage").click();
            WebElement compact = browser.findElement(By.cssSelector(".operation[data-operation='compact']"));
            assertFalse("the page closes compact to a viewer", compact.findElement(By.cssSelector("button.invoke")).isEnabled());
            // the server refuses it too, asked by this page with its session and Origin
            Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch('api/invoke', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: arguments[0]})"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('failed ' + e));", COMPACT);
            assertTrue(String.valueOf(answer), String.valueOf(answer).startsWith("403 "));
            assertTrue(String.valueOf(answer), String.valueOf(answer).contains("your roles may not run compact"));

            mbeanButton(browser, "PolicyEngine").click();
            WebElement evaluate = browser.findElement(By.cssSelector(".operation[data-operation='evaluate']"));
            WebElement query = evaluate.findElement(By.cssSelector("button.invoke"));
            assertTrue("a viewer may run the evaluate query", query.isEnabled());
            // the README's example: a demo flow, decided by a demo policy
            List<WebElement> fields = evaluate.findElements(By.cssSelector("input"));
            fields.get(0).sendKeys("100");
            fields.get(1).sendKeys("21:00:00:64:00:00:00:01");
            fields.get(2).sendKeys("50:06:00:64:00:00:00:01");
            query.click();
            WebElement result = evaluate.findElement(By.cssSelector("pre.result"));
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> result.getText().contains("by policy demo-"));
            assertFalse(browser.findElement(By.cssSelector(".operation[data-operation='removePolicy'] button.invoke")).isEnabled());
            screenshot(browser, "viewer-policy");
        } finally {
            browser.quit();
        }
    }

    /** The system's Chromium through the system's chromedriver: nothing is downloaded. */
    private static WebDriver chromium() {
        File driver = new File(System.getProperty("fcr.chromedriver", "/usr/bin/chromedriver"));
        File binary = new File(System.getProperty("fcr.chromium", "/usr/bin/chromium"));
        assertTrue(driver + " missing: apt-get install chromium-driver (.ci/run does)", driver.canExecute());
        assertTrue(binary + " missing: apt-get install chromium (.ci/run does)", binary.canExecute());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void logIn(WebDriver browser, String user, String password) {
        browser.get(base);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), user + " ("));
        wait.until(b -> !b.findElements(By.cssSelector("#mbeans button")).isEmpty());
    }

    private static WebElement mbeanButton(WebDriver browser, String type) {
        return browser.findElement(By.cssSelector("#mbeans button[data-mbean='org.fcredirect:type=" + type + "']"));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Files.write(karaf.home().resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static long number(String text) {
        String t = text.strip();
        return t.matches("\\d+") ? Long.parseLong(t) : -1;
    }

    private static Optional<Long> number(String json, String member) {
        Matcher m = Pattern.compile("\"" + member + "\":(\\d+)").matcher(json);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static void assertNoLoginBox(HttpResponse<String> r) {
        assertFalse("WWW-Authenticate: " + r.headers().allValues("WWW-Authenticate"), r.headers().firstValue("WWW-Authenticate").isPresent());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    private HttpResponse<String> login(String user, String password, String from) throws Exception {
        return post("api/login", from, null, "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private static String cookie(HttpResponse<String> login) {
        assertEquals(login.body(), 200, login.statusCode());
        Matcher m = COOKIE.matcher(login.headers().firstValue("Set-Cookie").orElse(""));
        assertTrue("a session cookie", m.find());
        return "fcr_console=" + m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String from, String cookie, String body) throws Exception {
        return http.send(json(base + path, from, cookie, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest json(String url, String from, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (from != null) {
            b.header("Origin", from);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    /** A GET with a Host header of our choosing, which HttpClient does not let a caller set. */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", karaf.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
