package org.fcredirect.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessController;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.jolokia.restrictor.PolicyRestrictor;
import org.jolokia.restrictor.Restrictor;
import org.jolokia.util.HttpMethod;
import org.jolokia.util.RequestType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia's restrictor (etc/org.jolokia.osgi.cfg: {@code org.jolokia.useRestrictorService = true}).
 * Jolokia calls the MBean server directly, past the role checks that guard Karaf's RMI connector,
 * so an operation is allowed only when Karaf's JMX security MBean says the logged-in user may
 * invoke it: the same etc/jmx.acl.*.cfg rules as jconsole. Jolokia runs each request as that user
 * (JAAS authentication), which is the subject Karaf checks. The rest (commands, CORS, reads) is
 * etc/jolokia-access.xml. Without this service Jolokia refuses everything.
 * <p>
 * State changes (exec, write) only over POST: Jolokia checks the operation or attribute and then
 * the HTTP method of the same parsed request, in its thread ({@link PendingChange}), so a GET in
 * any form (path or {@code ?p=}) is refused, and each request of a bulk POST body is checked on
 * its own; a servlet filter would have to parse Jolokia's URL forms and bodies again. Each such
 * request is recorded with the audit service when that is there (the arguments do not reach a
 * restrictor: the record names the operation). Origin (or Referer) when a client sends one must be
 * one of etc/jolokia-access.xml's {@code <cors>} origins, which checks strictly; a client that
 * sends none, like curl, is not a browser page that another site could make send it.
 */
@Component(service = Restrictor.class)
public class KarafRoleRestrictor implements Restrictor {
    static final String POLICY = "jolokia-access.xml";
    /** Karaf's JMX security MBean of this instance, the one jconsole asks too. */
    static final ObjectName KARAF_JMX_SECURITY = name("org.apache.karaf:type=security,area=jmx,name="
            + System.getProperty("karaf.name", "root"));
    private static final Logger LOG = LoggerFactory.getLogger(KarafRoleRestrictor.class);

    private final MBeanServer server;
    private final Restrictor policy;
    private final ThreadLocal<PendingChange> pending = new ThreadLocal<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditService audit;

    Clock clock = Clock.systemUTC();

    @Activate
    public KarafRoleRestrictor(@Reference MBeanServer server) throws IOException {
        this(server, Path.of(System.getProperty("karaf.etc", "etc"), POLICY));
    }

    KarafRoleRestrictor(MBeanServer server, Path policyFile) throws IOException {
        this.server = server;
        try (InputStream in = Files.newInputStream(policyFile)) {
            this.policy = new PolicyRestrictor(in);
        }
        LOG.info("Jolokia: operations checked against the JMX ACLs of the logged-in user; policy {}", policyFile);
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (JMException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return checked(new PendingChange("exec", name, operation), aclAllows(name, operation));
    }

    private boolean aclAllows(ObjectName name, String operation) {
        if (!policy.isOperationAllowed(name, operation)) {
            return false;
        }
        // Jolokia names an overloaded operation with its signature: "op(java.lang.String)"
        int paren = operation.indexOf('(');
        String method = paren < 0 ? operation : operation.substring(0, paren);
        try {
            return Boolean.TRUE.equals(server.invoke(KARAF_JMX_SECURITY, "canInvoke",
                    new Object[] {name.getCanonicalName(), method}, new String[] {String.class.getName(), String.class.getName()}));
        } catch (JMException | RuntimeException e) {
            // no answer from Karaf's ACLs is no permission
            return false;
        }
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        PendingChange change = pending.get();
        pending.remove();
        boolean allowed = policy.isHttpMethodAllowed(method);
        if (change == null) {
            return allowed;
        }
        allowed &= method == HttpMethod.POST;
        record(change, allowed ? AuditOutcome.OK : AuditOutcome.DENIED);
        return allowed;
    }

    /** A refused exec or write is recorded now; an allowed one waits for the method check. */
    private boolean checked(PendingChange change, boolean allowed) {
        if (allowed) {
            pending.set(change);
        } else {
            pending.remove();
            record(change, AuditOutcome.DENIED);
        }
        return allowed;
    }

    private void record(PendingChange change, AuditOutcome outcome) {
        AuditService service = audit;
        if (service != null) {
            service.record(new AuditEntry(clock.instant(), currentUser(), AuditOrigin.HTTP, change.action(), List.of(), outcome));
        }
    }

    /** Jolokia runs the request as the user its JAAS login made. */
    @SuppressWarnings("removal")
    private static String currentUser() {
        return Optional.ofNullable(Subject.getSubject(AccessController.getContext()))
                .flatMap(s -> s.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst())
                .orElse("unknown");
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return policy.isTypeAllowed(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return policy.isAttributeReadAllowed(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return checked(new PendingChange("write", name, attribute), policy.isAttributeWriteAllowed(name, attribute));
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return origin == null || policy.isOriginAllowed(originOf(origin), onlyWhenStrictCheckingIsEnabled);
    }

    /** scheme://host:port of an Origin header, or of a Referer URL that Jolokia passes when there is no Origin. */
    static String originOf(String header) {
        try {
            URI uri = new URI(header.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return header;
            }
            return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return header;
        }
    }
}
