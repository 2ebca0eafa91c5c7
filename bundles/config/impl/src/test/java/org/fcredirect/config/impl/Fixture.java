package org.fcredirect.config.impl;

import static org.osgi.service.metatype.AttributeDefinition.BOOLEAN;
import static org.osgi.service.metatype.AttributeDefinition.CHARACTER;
import static org.osgi.service.metatype.AttributeDefinition.DOUBLE;
import static org.osgi.service.metatype.AttributeDefinition.INTEGER;
import static org.osgi.service.metatype.AttributeDefinition.PASSWORD;
import static org.osgi.service.metatype.AttributeDefinition.STRING;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.impl.FakeMetatype.Attr;
import org.fcredirect.storage.testkit.InMemoryEventLog;

/**
 * Three fc-redirect services and a foreign one, over fake ConfigAdmin and MetaType services and
 * an in-memory event log:
 * <ul>
 * <li>{@value #POLICY}: decisionCacheSize integer 0..10000000 (10000), defaultAction permit|drop
 * <li>{@value #FASTPATH}: workers integer 1..64 (2), batchSize integer 1..4096 (256)
 * <li>{@value #TEST}: name (required, no default, 1..8 characters, set to node1), ratio double
 *     0..1, enabled boolean, letter a..m, tags (up to 3), secret (password), note (optional)
 * </ul>
 */
final class Fixture {
    static final String POLICY = "org.fcredirect.policy";
    static final String FASTPATH = "org.fcredirect.fastpath";
    static final String TEST = "org.fcredirect.test";

    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final FakeConfigAdmin admin = new FakeConfigAdmin();
    final FakeMetatype metatype;
    final InMemoryEventLog log = new InMemoryEventLog(clock);
    final Features features = new Features();
    /** This node's mark, kept across restarts like the bundle's data file. */
    final AppliedMark mark = new AppliedMark(null);
    ConfigManager config;

    Fixture(Path dir) {
        this(dir, true);
    }

    /** @param named whether the test service's required name is configured */
    Fixture(Path dir, boolean named) {
        metatype = new FakeMetatype(dir);
        fastpath("64");
        metatype.bundle("org.fcredirect.policy-impl", POLICY, "fc-redirect policy engine",
                Attr.of("decisionCacheSize", INTEGER, "10000").range("0", "10000000"),
                Attr.of("defaultAction", STRING, "permit").options("permit", "drop"));
        metatype.bundle("org.fcredirect.test", TEST, "test service",
                Attr.of("name", STRING, null).range("1", "8"),
                Attr.of("ratio", DOUBLE, "0.5").range("0", "1"),
                Attr.of("enabled", BOOLEAN, "true"),
                Attr.of("letter", CHARACTER, "a").range("a", "m"),
                Attr.of("tags", STRING, "a").cardinality(3),
                Attr.of("secret", PASSWORD, null).optional(),
                Attr.of("note", STRING, null).optional());
        metatype.bundle("org.apache.other", "org.apache.other", "not ours", Attr.of("x", STRING, "y"));
        if (named) {
            admin.preset(TEST, Map.of("name", "node1"));
        }
        config = start();
        config.features = features;
    }

    /** (Re)declares the fast path's bundle, as an update of it would, with another most workers. */
    void fastpath(String maxWorkers) {
        metatype.bundle("org.fcredirect.fastpath-impl", FASTPATH, "fc-redirect fast path",
                Attr.of("workers", INTEGER, "2").range("1", maxWorkers),
                Attr.of("batchSize", INTEGER, "256").range("1", "4096"));
    }

    /** A configuration service on the same log and ConfigAdmin, as after a restart. */
    ConfigManager start() {
        return new ConfigManager(log, new RunningConfig(admin), new SettingsCatalog(metatype, metatype::bundles), clock,
                mark);
    }

    /** Features: fcr 1.0.0 and fcr-policy 1.0.0 installed; fcr-stats 1.0.0 available. */
    static final class Features implements FeatureCatalog {
        private final List<FeatureRef> installed = List.of(new FeatureRef("fcr", "1.0.0"),
                new FeatureRef("fcr-policy", "1.0.0"));
        private final Set<FeatureRef> available = Set.of(new FeatureRef("fcr", "1.0.0"),
                new FeatureRef("fcr-policy", "1.0.0"), new FeatureRef("fcr-stats", "1.0.0"));

        @Override
        public List<FeatureRef> installed() {
            return installed;
        }

        @Override
        public boolean exists(FeatureRef feature) {
            return available.contains(feature);
        }
    }
}
