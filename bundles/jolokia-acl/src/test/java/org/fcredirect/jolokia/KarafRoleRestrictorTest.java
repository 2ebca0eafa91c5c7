package org.fcredirect.jolokia;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.jolokia.util.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarafRoleRestrictorTest {
    private static final String POLICY = "<restrict><commands><command>read</command><command>exec</command></commands>"
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
    void withoutKarafsSecurityMBeanNothingRuns(@TempDir Path dir) throws Exception {
        assertFalse(restrictor(dir).isOperationAllowed(new ObjectName("org.fcredirect:type=PolicyEngine"), "evaluate"));
    }
}
