package org.fcredirect.jolokia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.jolokia.util.HttpMethod;
import org.jolokia.util.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarafRoleRestrictorTest {
    private static final String POLICY = "<restrict><commands><command>read</command><command>exec</command></commands>"
            + "<cors><allow-origin>http://localhost:8181</allow-origin><strict-checking/></cors>"
            + "<deny><mbean><name>org.fcredirect:type=Storage</name><operation>wipe</operation></mbean></deny></restrict>";

    /** Karaf's JMX security MBean as the ACLs of a viewer answer it: queries yes, the rest no. */
    public interface KarafJmxSecurityMBean {
        boolean canInvoke(String objectName, String methodName);
    }

    public static final class ViewerAcl implements KarafJmxSecurityMBean {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean canInvoke(String objectName, String methodName) {
            asked.add(objectName + " " + methodName);
            return methodName.equals("evaluate");
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    private KarafRoleRestrictor restrictor(Path dir) throws Exception {
        Path policy = dir.resolve("jolokia-access.xml");
        Files.writeString(policy, POLICY);
        return new KarafRoleRestrictor(server, policy);
    }

    @Test
    void anOperationRunsOnlyWhenKarafsAclsAllowItToTheUser(@TempDir Path dir) throws Exception {
        ViewerAcl acl = new ViewerAcl();
        server.registerMBean(new StandardMBean(acl, KarafJmxSecurityMBean.class), KarafRoleRestrictor.KARAF_JMX_SECURITY);
        KarafRoleRestrictor r = restrictor(dir);
        ObjectName policy = new ObjectName("org.fcredirect:type=PolicyEngine");
        ObjectName fastPath = new ObjectName("org.fcredirect:type=FastPath");
        assertTrue(r.isOperationAllowed(policy, "evaluate(int,java.lang.String,java.lang.String)"));
        assertFalse(r.isOperationAllowed(fastPath, "stopTraffic()"));
        assertTrue(acl.asked.contains("org.fcredirect:type=PolicyEngine evaluate"), acl.asked.toString());
    }

    @Test
    void thePolicyFileStillDecidesFirst(@TempDir Path dir) throws Exception {
        KarafJmxSecurityMBean admin = (objectName, methodName) -> true;
        server.registerMBean(new StandardMBean(admin, KarafJmxSecurityMBean.class), KarafRoleRestrictor.KARAF_JMX_SECURITY);
        KarafRoleRestrictor r = restrictor(dir);
        assertFalse(r.isOperationAllowed(new ObjectName("org.fcredirect:type=Storage"), "wipe"));
        assertTrue(r.isTypeAllowed(RequestType.EXEC));
        assertFalse(r.isTypeAllowed(RequestType.WRITE));
    }

    @Test
    void anOperationRunsOnlyOverPostAndEachIsAudited(@TempDir Path dir) throws Exception {
        KarafJmxSecurityMBean admin = (objectName, methodName) -> true;
        server.registerMBean(new StandardMBean(admin, KarafJmxSecurityMBean.class), KarafRoleRestrictor.KARAF_JMX_SECURITY);
        KarafRoleRestrictor r = restrictor(dir);
        List<AuditEntry> audited = new ArrayList<>();
        r.audit = new AuditService() {
            @Override
            public void record(AuditEntry entry) {
                audited.add(entry);
            }

            @Override
            public List<AuditEntry> recent(int limit, Optional<String> user) {
                return audited;
            }
        };
        ObjectName fastPath = new ObjectName("org.fcredirect:type=FastPath");
        // Jolokia's order for each request: the operation, then the HTTP method
        assertTrue(r.isOperationAllowed(fastPath, "stopTraffic()"));
        assertFalse(r.isHttpMethodAllowed(HttpMethod.GET));
        assertTrue(r.isOperationAllowed(fastPath, "stopTraffic()"));
        assertTrue(r.isHttpMethodAllowed(HttpMethod.POST));
        // a read over GET is no state change: nothing pending from the exec before
        assertTrue(r.isHttpMethodAllowed(HttpMethod.GET));
        assertFalse(r.isOperationAllowed(new ObjectName("org.fcredirect:type=Storage"), "wipe"));
        assertEquals(List.of(AuditOutcome.DENIED, AuditOutcome.OK, AuditOutcome.DENIED),
                audited.stream().map(AuditEntry::outcome).toList());
        assertEquals("exec org.fcredirect:type=FastPath stopTraffic()", audited.get(1).action());
        assertEquals(AuditOrigin.HTTP, audited.get(1).origin());
    }

    @Test
    void aBrowserPageOfAnotherSiteIsRefusedAndClientsWithoutOriginPass(@TempDir Path dir) throws Exception {
        KarafRoleRestrictor r = restrictor(dir);
        assertTrue(r.isOriginAllowed(null, true));
        assertTrue(r.isOriginAllowed("http://localhost:8181", true));
        assertTrue(r.isOriginAllowed("http://localhost:8181/hawtio/jmx", true), "a Referer of a page of this host");
        assertFalse(r.isOriginAllowed("http://evil.example:8181", true));
        assertFalse(r.isOriginAllowed("http://localhost:8181.evil.example", true));
        assertFalse(r.isOriginAllowed("http://localhost:9999", false));
    }

    @Test
    void withoutKarafsSecurityMBeanNothingRuns(@TempDir Path dir) throws Exception {
        assertFalse(restrictor(dir).isOperationAllowed(new ObjectName("org.fcredirect:type=PolicyEngine"), "evaluate"));
    }
}
