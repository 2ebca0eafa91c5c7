package org.fcredirect.webconsole;

import java.time.Clock;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.servlet.ServletException;
import org.fcredirect.audit.api.AuditService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.HttpContext;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the console on Karaf's HTTP service: the page at /fcr/, its API at /fcr/api. Both are
 * registered through the HTTP service, as Jolokia is, with a context of their own that leaves
 * authentication to the API's login and session (never to the browser's Basic-auth box).
 */
@Component(immediate = true, configurationPid = WebConsoleConfig.PID)
@Designate(ocd = WebConsoleConfig.class)
public class WebConsole {
    static final String PAGE_ALIAS = "/fcr";
    static final String API_ALIAS = "/fcr/api";
    static final String REALM = "karaf";
    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);

    private final HttpService http;
    private final ConsoleApiServlet api;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditService audit;

    @Activate
    public WebConsole(@Reference HttpService http, @Reference MBeanServer server, WebConsoleConfig config)
            throws ServletException, NamespaceException {
        this.http = http;
        this.api = new ConsoleApiServlet(new MBeanAccess(server, karafJmxSecurity()), new JaasAuthenticator(REALM),
                Clock.systemUTC(), ConsoleLimits.of(config), () -> audit);
        HttpContext context = http.createDefaultHttpContext();
        http.registerServlet(API_ALIAS, api, null, context);
        try {
            http.registerServlet(PAGE_ALIAS, new ConsolePageServlet(), null, context);
        } catch (ServletException | NamespaceException | RuntimeException e) {
            http.unregister(API_ALIAS);
            throw e;
        }
        LOG.info("web console at {}/ on the HTTP port", PAGE_ALIAS);
    }

    /** New settings apply at once; a bad one is refused and the console keeps those it has. */
    @Modified
    void modified(WebConsoleConfig config) {
        try {
            api.apply(ConsoleLimits.of(config));
        } catch (IllegalArgumentException e) {
            LOG.warn("web console: settings of {} refused, the previous ones stay: {}", WebConsoleConfig.PID, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        http.unregister(PAGE_ALIAS);
        http.unregister(API_ALIAS);
    }

    /** Karaf's JMX security MBean of this instance: the RMI connector's guard answers through it. */
    private static ObjectName karafJmxSecurity() {
        String name = "org.apache.karaf:type=security,area=jmx,name=" + System.getProperty("karaf.name", "root");
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
