package org.fcredirect.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jolokia.restrictor.PolicyRestrictor;
import org.jolokia.restrictor.Restrictor;
import org.jolokia.util.HttpMethod;
import org.jolokia.util.RequestType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia's restrictor (etc/org.jolokia.osgi.cfg: {@code org.jolokia.useRestrictorService = true}).
 * Jolokia calls the MBean server directly, past the role checks that guard Karaf's RMI connector,
 * so an operation is allowed only when Karaf's JMX security MBean says the logged-in user may
 * invoke it: the same etc/jmx.acl.*.cfg rules as jconsole. Jolokia runs each request as that user
 * (JAAS authentication), which is the subject Karaf checks. The rest (commands, CORS, reads) is
 * etc/jolokia-access.xml. Without this service Jolokia refuses everything.
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
        return policy.isHttpMethodAllowed(method);
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
        return policy.isAttributeWriteAllowed(name, attribute);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return policy.isOriginAllowed(origin, onlyWhenStrictCheckingIsEnabled);
    }
}
