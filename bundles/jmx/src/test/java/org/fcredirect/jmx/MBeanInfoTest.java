package org.fcredirect.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What jconsole and jmxterm show of every MBean interface of this bundle, found among the compiled
 * classes rather than listed by hand: an MBean added later is checked too.
 */
class MBeanInfoTest {
    private static final Pattern JDK_PARAMETER_NAME = Pattern.compile("p\\d+");

    static Stream<Class<?>> mbeanInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(DescribedMBean.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(DescribedMBean.class.getPackageName().replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("MBean.class")).toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(DescribedMBean.class.getPackageName() + "." + simple);
                if (c.isInterface()) {
                    found.add(c);
                }
            }
        }
        return found.stream();
    }

    @Test
    void findsEveryMBeanInterface() throws Exception {
        assertEquals(List.of("ConfigMBean", "FabricMBean", "FastPathMBean", "FlowManagerMBean", "MonitorMBean", "PolicyEngineMBean",
                "StatsMBean", "StorageMBean", "TrafficMBean"), mbeanInterfaces().map(Class::getSimpleName).sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("mbeanInterfaces")
    <T> void everyAttributeOperationAndParameterIsNamedAndDescribed(Class<T> mbeanInterface) throws Exception {
        MBeanInfo info = describe(mbeanInterface).getMBeanInfo();
        MBeanInfo undescribed = new StandardMBean(implementation(mbeanInterface), mbeanInterface).getMBeanInfo();
        List<String> problems = new ArrayList<>();
        check(problems, "the MBean", info.getDescription(), undescribed.getDescription());
        for (int i = 0; i < info.getAttributes().length; i++) {
            MBeanAttributeInfo a = info.getAttributes()[i];
            check(problems, "attribute " + a.getName(), a.getDescription(), undescribed.getAttributes()[i].getDescription());
        }
        for (int i = 0; i < info.getOperations().length; i++) {
            MBeanOperationInfo op = info.getOperations()[i];
            check(problems, "operation " + op.getName(), op.getDescription(), undescribed.getOperations()[i].getDescription());
            for (MBeanParameterInfo p : op.getSignature()) {
                if (JDK_PARAMETER_NAME.matcher(p.getName()).matches()) {
                    problems.add("operation " + op.getName() + ": parameter named " + p.getName());
                }
                check(problems, "operation " + op.getName() + " parameter " + p.getName(), p.getDescription(), "");
            }
        }
        assertTrue(problems.isEmpty(), mbeanInterface.getSimpleName() + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("mbeanInterfaces")
    <T> void figuresNameTheirUnit(Class<T> mbeanInterface) throws Exception {
        List<String> unitless = Stream.of(describe(mbeanInterface).getMBeanInfo().getAttributes())
                .filter(a -> List.of("long", "int", "double").contains(a.getType()))
                .filter(a -> !a.getDescription().matches(".*\\([^)]+\\)[^()]*")).map(MBeanFeatureInfo::getName).toList();
        assertTrue(unitless.isEmpty(), mbeanInterface.getSimpleName() + ": no unit in parentheses: " + unitless);
    }

    private static void check(List<String> problems, String what, String description, String jdkDefault) {
        if (description == null || description.isBlank() || description.equals(jdkDefault)) {
            problems.add(what + ": not described (\"" + description + "\")");
        }
    }

    private static <T> DescribedMBean describe(Class<T> mbeanInterface) throws Exception {
        return new DescribedMBean(implementation(mbeanInterface), mbeanInterface, Notifier.none("Test"));
    }

    /** MBeanInfo needs an implementation but never calls it. */
    private static <T> T implementation(Class<T> mbeanInterface) {
        return mbeanInterface.cast(Proxy.newProxyInstance(mbeanInterface.getClassLoader(), new Class<?>[] {mbeanInterface},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
