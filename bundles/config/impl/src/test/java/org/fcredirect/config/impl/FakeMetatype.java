package org.fcredirect.config.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Bundles with metatype, as a test declares them: the MetaType service answers with their OCDs,
 * and each bundle carries the metatype document (with min and max) that bnd would have written.
 */
final class FakeMetatype implements MetaTypeService {
    private final Path dir;
    private final Map<String, FakeBundle> bundles = new LinkedHashMap<>();
    private final AtomicLong clock = new AtomicLong(1);

    /**
     * One attribute. {@code min} and {@code max} go only into the document, as in a real bundle.
     *
     * @param cardinality as in the metatype: 0 for one value
     */
    record Attr(String id, int type, int cardinality, List<String> defaults, List<String> options, String min,
            String max, boolean required) {

        static Attr of(String id, int type, String defaultValue) {
            return new Attr(id, type, 0, defaultValue == null ? List.of() : List.of(defaultValue), List.of(), null,
                    null, true);
        }

        Attr range(String lo, String hi) {
            return new Attr(id, type, cardinality, defaults, options, lo, hi, required);
        }

        Attr options(String... values) {
            return new Attr(id, type, cardinality, defaults, List.of(values), min, max, required);
        }

        Attr cardinality(int n) {
            return new Attr(id, type, n, defaults, options, min, max, required);
        }

        Attr optional() {
            return new Attr(id, type, cardinality, defaults, options, min, max, false);
        }
    }

    FakeMetatype(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Declares (or, as a bundle update would, redeclares) a bundle with one configuration PID. */
    synchronized FakeMetatype bundle(String symbolicName, String pid, String ocdName, Attr... attrs) {
        FakeBundle previous = bundles.get(symbolicName);
        long id = previous == null ? bundles.size() + 1 : previous.id;
        Path doc = dir.resolve(symbolicName + "-" + clock.get() + ".xml");
        try {
            Files.writeString(doc, document(pid, ocdName, attrs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundles.put(symbolicName, new FakeBundle(id, symbolicName, clock.incrementAndGet(), pid, ocdName,
                List.of(attrs), doc));
        return this;
    }

    synchronized List<Bundle> bundles() {
        return bundles.values().stream().map(FakeBundle::proxy).toList();
    }

    @Override
    public synchronized MetaTypeInformation getMetaTypeInformation(Bundle bundle) {
        FakeBundle b = bundles.get(bundle.getSymbolicName());
        return b == null ? null : b.information(bundle);
    }

    private static String document(String pid, String name, Attr... attrs) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/xmlns/metatype/v1.2.0\">\n");
        x.append("  <OCD id=\"").append(pid).append(".Config\" name=\"").append(name).append("\">\n");
        for (Attr a : attrs) {
            x.append("    <AD id=\"").append(a.id()).append('"');
            if (a.min() != null) {
                x.append(" min=\"").append(a.min()).append('"');
            }
            if (a.max() != null) {
                x.append(" max=\"").append(a.max()).append('"');
            }
            x.append("/>\n");
        }
        x.append("  </OCD>\n  <Designate pid=\"").append(pid).append("\">\n    <Object ocdref=\"").append(pid)
                .append(".Config\"/>\n  </Designate>\n</metatype:MetaData>\n");
        return x.toString();
    }

    private record FakeBundle(long id, String symbolicName, long lastModified, String pid, String ocdName,
            List<Attr> attrs, Path document) {

        Bundle proxy() {
            return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "getSymbolicName" -> symbolicName;
                        case "getBundleId" -> id;
                        case "getLastModified" -> lastModified;
                        case "findEntries" -> entries();
                        case "hashCode" -> Long.hashCode(id);
                        case "equals" -> self == args[0];
                        case "toString" -> symbolicName;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Enumeration<URL> entries() throws MalformedURLException {
            return Collections.enumeration(List.of(document.toUri().toURL()));
        }

        MetaTypeInformation information(Bundle bundle) {
            ObjectClassDefinition ocd = new FakeOcd(pid, ocdName, attrs);
            return new MetaTypeInformation() {
                @Override
                public String[] getPids() {
                    return new String[] {pid};
                }

                @Override
                public String[] getFactoryPids() {
                    return new String[0];
                }

                @Override
                public Bundle getBundle() {
                    return bundle;
                }

                @Override
                public ObjectClassDefinition getObjectClassDefinition(String id, String locale) {
                    return pid.equals(id) ? ocd : null;
                }

                @Override
                public String[] getLocales() {
                    return new String[0];
                }
            };
        }
    }

    private record FakeOcd(String pid, String name, List<Attr> attrs) implements ObjectClassDefinition {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getID() {
            return pid + ".Config";
        }

        @Override
        public String getDescription() {
            return name + ", for tests";
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            List<AttributeDefinition> ads = new ArrayList<>();
            for (Attr a : attrs) {
                if (filter == ALL || (filter == REQUIRED) == a.required()) {
                    ads.add(new FakeAd(a));
                }
            }
            return ads.toArray(AttributeDefinition[]::new);
        }

        @Override
        public java.io.InputStream getIcon(int size) {
            return null;
        }
    }

    private record FakeAd(Attr a) implements AttributeDefinition {
        @Override
        public String getName() {
            return a.id() + " name";
        }

        @Override
        public String getID() {
            return a.id();
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public int getCardinality() {
            return a.cardinality();
        }

        @Override
        public int getType() {
            return a.type();
        }

        @Override
        public String[] getOptionValues() {
            return a.options().isEmpty() ? null : a.options().toArray(String[]::new);
        }

        @Override
        public String[] getOptionLabels() {
            return getOptionValues();
        }

        @Override
        public String validate(String value) {
            return null;
        }

        @Override
        public String[] getDefaultValue() {
            return a.defaults().isEmpty() ? null : a.defaults().toArray(String[]::new);
        }
    }
}
