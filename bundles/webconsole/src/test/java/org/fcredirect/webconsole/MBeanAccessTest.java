package org.fcredirect.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.AccessController;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MBeanAccessTest {
    static final ObjectName SECURITY = name("org.apache.karaf:type=security,area=jmx,name=test");
    static final String SAMPLE = "org.fcredirect:type=Sample";

    public interface Sample {
        long getCounter();

        boolean isHealthy();

        String getBroken();

        String getSecret();

        String reset(String reason);

        int add(int a, int b);

        void load(Map<String, String> settings);
    }

    /** What Karaf's JMX security MBean answers, for the caller's Subject. */
    public interface AclMBean {
        boolean canInvoke(String objectName, String methodName, String[] argumentTypes);
    }

    /** Reads (get, is) open to viewers but for getSecret; everything else admin only. */
    public static class Acl implements AclMBean {
        @Override
        @SuppressWarnings("removal")
        public boolean canInvoke(String objectName, String methodName, String[] argumentTypes) {
            Subject s = Subject.getSubject(AccessController.getContext());
            boolean admin = s != null && s.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals("admin"));
            boolean viewer = s != null && s.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals("viewer"));
            boolean read = (methodName.startsWith("get") || methodName.startsWith("is")) && !methodName.equals("getSecret");
            return admin || viewer && read;
        }
    }

    public static class SampleImpl implements Sample {
        long counter = 41;

        @Override
        public long getCounter() {
            return ++counter;
        }

        @Override
        public boolean isHealthy() {
            return true;
        }

        @Override
        public String getBroken() {
            throw new IllegalStateException("the store is closed");
        }

        @Override
        public String getSecret() {
            return "s3cret";
        }

        @Override
        public String reset(String reason) {
            if (reason.isEmpty()) {
                throw new IllegalArgumentException("a reason is required");
            }
            counter = 0;
            return "reset: " + reason;
        }

        @Override
        public int add(int a, int b) {
            return a + b;
        }

        @Override
        public void load(Map<String, String> settings) {
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final SampleImpl sample = new SampleImpl();
    private final MBeanAccess access = new MBeanAccess(server, SECURITY);
    private final Subject viewer = user("viewer");
    private final Subject admin = user("viewer", "admin");

    @BeforeEach
    void register() throws Exception {
        server.registerMBean(new StandardMBean(sample, Sample.class), name(SAMPLE));
        server.registerMBean(new StandardMBean(new SampleImpl(), Sample.class), name("org.other:type=Sample"));
        server.registerMBean(new StandardMBean(new Acl(), AclMBean.class), SECURITY);
    }

    @Test
    void onlyTheFcrDomainIsListedWithWhatTheUserMayRun() {
        List<Map<String, Object>> all = access.describeAll(viewer);
        assertEquals(1, all.size());
        Map<String, Object> mbean = all.get(0);
        assertEquals(SAMPLE, mbean.get("name"));
        assertEquals(false, member(mbean, "operations", "reset").get("allowed"));
        assertEquals(false, member(mbean, "attributes", "Secret").get("readable"));
        assertEquals(true, member(mbean, "attributes", "Counter").get("readable"));
        assertEquals(true, member(access.describeAll(admin).get(0), "operations", "reset").get("allowed"));
        assertEquals(false, member(mbean, "operations", "load").get("supported"));
        assertEquals(true, member(mbean, "operations", "add").get("supported"));
    }

    @Test
    void aViewerReadsWhatTheAclsOpenAndSeesWhatFailed() throws Exception {
        Map<String, Object> read = access.read(SAMPLE, viewer);
        Map<?, ?> values = (Map<?, ?>) read.get("values");
        assertEquals(42L, values.get("Counter"));
        assertEquals(true, values.get("Healthy"));
        assertFalse(values.containsKey("Secret"));
        assertEquals(List.of("Secret"), read.get("refused"));
        assertEquals(Map.of("Broken", "the store is closed"), read.get("errors"));
        assertEquals("s3cret", ((Map<?, ?>) access.read(SAMPLE, admin).get("values")).get("Secret"));
    }

    @Test
    void theServerRefusesAViewerAnOperationAndRunsItForAnAdmin() throws Exception {
        sample.counter = 100;
        assertThrows(MBeanAccess.Refused.class,
                () -> access.invoke(SAMPLE, "reset", List.of("java.lang.String"), List.of("test"), viewer));
        assertEquals(100, sample.counter, "not run");
        assertEquals("reset: test", access.invoke(SAMPLE, "reset", List.of("java.lang.String"), List.of("test"), admin));
        assertEquals(0, sample.counter);
        assertEquals(5, access.invoke(SAMPLE, "add", List.of("int", "int"), List.of("2", "3"), admin));
    }

    @Test
    void withoutAnAnswerFromKarafsAclsNothingIsAllowed() throws Exception {
        server.unregisterMBean(SECURITY);
        assertThrows(MBeanAccess.Refused.class, () -> access.invoke(SAMPLE, "add", List.of("int", "int"), List.of("2", "3"), admin));
        assertEquals(List.of("Counter", "Healthy", "Broken", "Secret").size(), ((List<?>) access.read(SAMPLE, admin).get("refused")).size());
        assertEquals(false, member(access.describeAll(admin).get(0), "operations", "add").get("allowed"));
    }

    @Test
    void namesOutsideTheDomainOrMalformedAreNotFound() {
        assertThrows(MBeanAccess.NotFound.class, () -> access.read("org.other:type=Sample", admin));
        assertThrows(MBeanAccess.NotFound.class, () -> access.read("org.fcredirect:*", admin));
        assertThrows(MBeanAccess.NotFound.class, () -> access.read("org.fcredirect:type=Missing", admin));
        assertThrows(MBeanAccess.NotFound.class, () -> access.read("not a name", admin));
        assertThrows(MBeanAccess.NotFound.class, () -> access.invoke("org.other:type=Sample", "add", List.of("int", "int"), List.of("2", "3"), admin));
    }

    @Test
    void anOperationMustMatchBySignatureAndItsArgumentsByType() {
        assertThrows(MBeanAccess.NotFound.class, () -> access.invoke(SAMPLE, "add", List.of("long", "long"), List.of("2", "3"), admin));
        assertThrows(MBeanAccess.NotFound.class, () -> access.invoke(SAMPLE, "remove", List.of(), List.of(), admin));
        assertThrows(IllegalArgumentException.class, () -> access.invoke(SAMPLE, "add", List.of("int", "int"), List.of("2"), admin));
        assertThrows(IllegalArgumentException.class, () -> access.invoke(SAMPLE, "add", List.of("int", "int"), List.of("2", "x"), admin));
    }

    @Test
    void anOperationThatThrowsGivesItsMessage() {
        MBeanAccess.Failed e = assertThrows(MBeanAccess.Failed.class,
                () -> access.invoke(SAMPLE, "reset", List.of("java.lang.String"), List.of(""), admin));
        assertEquals("a reason is required", e.getMessage());
    }

    private static Map<?, ?> member(Map<String, Object> mbean, String kind, String name) {
        return ((List<?>) mbean.get(kind)).stream().map(m -> (Map<?, ?>) m).filter(m -> name.equals(m.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + kind));
    }

    private static Subject user(String... roles) {
        Subject s = new Subject();
        for (String role : roles) {
            s.getPrincipals().add(new RolePrincipal(role));
        }
        return s;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
