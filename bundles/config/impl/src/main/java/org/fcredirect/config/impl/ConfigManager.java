package org.fcredirect.config.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.karaf.features.FeaturesService;
import org.fcredirect.config.api.ConfigException;
import org.fcredirect.config.api.ConfigImportException;
import org.fcredirect.config.api.ConfigListener;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigSession;
import org.fcredirect.config.api.ConfigValidationException;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.api.ImportError;
import org.fcredirect.config.api.ImportResult;
import org.fcredirect.config.api.ServiceSettings;
import org.fcredirect.config.api.Setting;
import org.fcredirect.config.api.SettingError;
import org.fcredirect.config.api.SettingRule;
import org.fcredirect.config.api.SettingType;
import org.fcredirect.config.api.StagedChange;
import org.fcredirect.config.api.ValueChange;
import org.fcredirect.config.api.VersionOrigin;
import org.fcredirect.config.impl.Descriptor.Entry;
import org.fcredirect.config.impl.Descriptor.FeatureLine;
import org.fcredirect.config.impl.Descriptor.Section;
import org.fcredirect.storage.api.Appended;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.StreamProgress;
import org.fcredirect.storage.follow.ChangeGuard;
import org.fcredirect.storage.follow.ChangeGuard.Inner;
import org.fcredirect.storage.follow.GuardedOrder;
import org.fcredirect.storage.follow.StreamFollower;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration service. Every committed version is appended to the {@code config} stream
 * and durable before it is applied to ConfigAdmin; the history is rebuilt from that stream when
 * the component starts, then followed ({@link StreamFollower}): a version any node of a fabric
 * commits applies to this node's ConfigAdmin too, and one committed while this node was down
 * applies when it starts ({@link AppliedMark}). Version numbers come from the shared history: a
 * commit another node's overtook is checked again and numbered anew ({@link ChangeGuard}). One
 * lock orders every request: they come from operators.
 */
@Component(service = {ConfigService.class, StreamProgress.class}, immediate = true,
        property = {"fcr.mbean=org.fcredirect:type=Config", StreamProgress.STREAM + "=" + ConfigManager.STREAM})
public class ConfigManager implements ConfigService, StreamProgress {
    static final String STREAM = "config";
    static final String MASK = "********";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigManager.class);
    private static final long APPEND_TIMEOUT_SECONDS = 30;
    /** Tries of a commit that other nodes' commits keep overtaking before it gives up. */
    static final int MAX_TRIES = 20;

    private final EventLog log;
    private final RunningConfig running;
    private final SettingsCatalog catalog;
    private final Clock clock;
    private final VersionHistory history = new VersionHistory();
    volatile FeatureCatalog features;
    private final List<ConfigListener> listeners = new CopyOnWriteArrayList<>();
    private StagingArea session;
    private final AppliedMark mark;
    private final long instance = new SecureRandom().nextLong();
    private final GuardedOrder order = new GuardedOrder(instance, 0, type -> false);
    private final StreamFollower follower;
    private final Map<Long, String> notApplied = new HashMap<>();
    private long changeCount;
    private volatile long appliedSequence;

    @Activate
    public ConfigManager(@Reference(name = "eventLog") EventLog log,
            @Reference(name = "configurationAdmin") ConfigurationAdmin admin,
            @Reference(name = "metatype") MetaTypeService metatype, BundleContext context) {
        this(log, new RunningConfig(admin), new SettingsCatalog(metatype, () -> List.of(context.getBundles())),
                Clock.systemUTC(), new AppliedMark(context.getDataFile("applied-sequence").toPath()));
    }

    /** Rebuilds the history from the log; for tests, with fakes behind the catalog and the running settings. */
    ConfigManager(EventLog log, RunningConfig running, SettingsCatalog catalog, Clock clock, AppliedMark mark) {
        this.log = log;
        this.running = running;
        this.catalog = catalog;
        this.clock = clock;
        this.mark = mark;
        this.follower = new StreamFollower(log, STREAM, "fcr-config-follower", this::catchUp);
        follower.start(replay());
    }

    @Deactivate
    void deactivate() {
        follower.close();
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindFeatures")
    void bindFeatures(FeaturesService service) {
        features = new KarafFeatureCatalog(service);
    }

    void unbindFeatures(FeaturesService service) {
        if (features instanceof KarafFeatureCatalog k && k.wraps(service)) {
            features = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(ConfigListener listener) {
        listeners.add(listener);
    }

    void removeListener(ConfigListener listener) {
        listeners.remove(listener);
    }

    /**
     * Rebuilds the history, and applies to ConfigAdmin the versions committed after this node's mark.
     *
     * @return the sequence to follow the stream from
     */
    private long replay() {
        long from = mark.sequence();
        List<ConfigVersion> missed = new ArrayList<>();
        long next = log.replay(StreamFilter.of(STREAM), 1, e -> {
            ConfigVersion v = applyLogged(e);
            if (v != null && e.sequence() > from) {
                missed.add(v);
            }
            return true;
        });
        Map<String, ServiceDefinition> definitions = missed.isEmpty() ? Map.of() : catalog.definitions();
        for (ConfigVersion v : missed) {
            applyToRunning(v, definitions);
        }
        if (!missed.isEmpty()) {
            LOG.info("Configuration: {} versions committed while this node was away applied, up to version {}",
                    missed.size(), missed.get(missed.size() - 1).number());
        }
        mark.save(appliedSequence);
        LOG.info("Configuration service started: {} versions in the history", history.all().size());
        return next;
    }

    /** Adds one event of the stream, any node's, to the history as {@link GuardedOrder} admits it. */
    private ConfigVersion applyLogged(StoredEvent e) {
        ConfigVersion committed = null;
        try {
            GuardedOrder.Admitted admitted = order.admit(e);
            for (StoredEvent inner : admitted.applies() ? admitted.events() : List.<StoredEvent>of()) {
                switch (inner.type()) {
                    case HistoryCodec.COMMITTED -> {
                        committed = HistoryCodec.decodeCommitted(inner.payload());
                        history.add(committed);
                    }
                    case HistoryCodec.REVERTED -> history.reverted(HistoryCodec.decodeReverted(inner.payload()));
                    default -> LOG.warn("Configuration event #{} of unknown type {} skipped", e.sequence(),
                            inner.type());
                }
            }
        } catch (RuntimeException ex) {
            LOG.warn("Configuration event #{} unreadable, skipped: {}", e.sequence(), ex.getMessage());
        }
        appliedSequence = e.sequence();
        return committed;
    }

    /** Inside the lock: versions that came from the log, any node's, into the history and ConfigAdmin. */
    private void applyArrived(List<StoredEvent> events) {
        for (StoredEvent e : events) {
            ConfigVersion v = applyLogged(e);
            if (v != null) {
                boolean applied = applyToRunning(v, catalog.definitions());
                mark.save(e.sequence());
                if (applied) {
                    tell(v);
                }
            }
        }
    }

    private boolean applyToRunning(ConfigVersion v, Map<String, ServiceDefinition> definitions) {
        try {
            running.apply(v.changes(), definitions);
            return true;
        } catch (ConfigException e) {
            notApplied.put(v.number(), e.getMessage());
            LOG.error("Configuration version {} by {} not applied on this node: {}", v.number(), v.owner(),
                    e.getMessage());
            return false;
        }
    }

    /** On the follower's thread: versions other nodes committed. */
    private synchronized void catchUp() {
        follower.drain(this::applyArrived);
    }

    // ---------------------------------------------------------------- views

    @Override
    public synchronized List<ServiceSettings> services() {
        return catalog.definitions().values().stream().map(this::settings).toList();
    }

    @Override
    public synchronized ServiceSettings service(String pid) {
        ServiceDefinition d = catalog.definitions().get(pid);
        if (d == null) {
            throw new ConfigValidationException(List.of(new SettingError(String.valueOf(pid), "", "",
                    SettingRule.UNKNOWN_PID, ChangeChecker.UNKNOWN_PID)));
        }
        return settings(d);
    }

    private ServiceSettings settings(ServiceDefinition d) {
        Map<String, String> values = running.values(d.pid());
        List<Setting> settings = d.settings().stream().map(s -> new Setting(s, Optional.ofNullable(values.get(s.key()))
                .map(v -> s.type() == SettingType.PASSWORD ? MASK : v))).toList();
        return new ServiceSettings(d.pid(), d.name(), d.description(), d.bundle(), settings);
    }

    @Override
    public List<FeatureRef> installedFeatures() {
        FeatureCatalog f = features;
        return f == null ? List.of() : f.installed();
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public synchronized ConfigSession begin(String owner) {
        if (session != null) {
            throw new ConfigException("a configuration session of " + session.owner() + " is open with "
                    + session.changes().size() + " staged changes; commit or abort it first");
        }
        session = new StagingArea(Objects.requireNonNullElse(owner, "unknown"), clock.instant());
        LOG.info("Configuration session begun by {}", session.owner());
        return session.view();
    }

    @Override
    public synchronized Optional<ConfigSession> session() {
        return Optional.ofNullable(session).map(StagingArea::view);
    }

    @Override
    public synchronized ConfigSession stage(String pid, String key, String value) {
        return stageChecked(new StagedChange(pid, key, Optional.of(Objects.requireNonNullElse(value, ""))));
    }

    @Override
    public synchronized ConfigSession stageDefault(String pid, String key) {
        return stageChecked(new StagedChange(pid, key, Optional.empty()));
    }

    private ConfigSession stageChecked(StagedChange change) {
        StagingArea s = requireSession();
        ChangeChecker.Result r = ChangeChecker.check(catalog.definitions(), change);
        if (r.error().isPresent()) {
            throw new ConfigValidationException(List.of(r.error().get()));
        }
        s.put(r.canonical().orElseThrow());
        return s.view();
    }

    @Override
    public synchronized ConfigSession unstage(String pid, String key) {
        StagingArea s = requireSession();
        s.remove(pid, key);
        return s.view();
    }

    @Override
    public synchronized List<ValueChange> diff() {
        return requireSession().changes().stream()
                .map(c -> new ValueChange(c.pid(), c.key(), running.value(c.pid(), c.key()), c.value()))
                .filter(c -> !c.before().equals(c.after())).toList();
    }

    @Override
    public synchronized ConfigVersion commit(String comment) {
        StagingArea s = requireSession();
        Map<String, ServiceDefinition> definitions = catalog.definitions();
        ConfigVersion v = record(() -> {
            List<ValueChange> changes = prepare(s.changes(), definitions);
            if (changes.isEmpty()) {
                throw new ConfigException("nothing to commit: every staged value equals the running one");
            }
            return changes;
        }, s.owner(), Objects.requireNonNullElse(comment, "").strip(), VersionOrigin.SESSION);
        session = null;
        return v;
    }

    @Override
    public synchronized void abort() {
        StagingArea s = requireSession();
        session = null;
        LOG.info("Configuration session of {} aborted: {} staged changes dropped", s.owner(), s.changes().size());
    }

    private StagingArea requireSession() {
        if (session == null) {
            throw new ConfigException("no configuration session is open: nothing is staged (fcr:config-set begins one)");
        }
        return session;
    }

    private void requireNoSession(String what) {
        if (session != null) {
            throw new ConfigException("cannot " + what + " while the configuration session of " + session.owner()
                    + " is open; commit or abort it first");
        }
    }

    // ---------------------------------------------------------------- history

    @Override
    public synchronized List<ConfigVersion> history() {
        return history.all();
    }

    @Override
    public synchronized ConfigVersion rollback(long version, String owner) {
        requireNoSession("roll back");
        if (!history.known(version)) {
            throw new ConfigException("no configuration version " + version + "; the history holds 0.."
                    + (history.nextNumber() - 1));
        }
        List<StagedChange> restore = new ArrayList<>();
        history.valuesAt(version).forEach((id, value) -> restore.add(new StagedChange(id.pid(), id.key(), value)));
        Map<String, ServiceDefinition> definitions = catalog.definitions();
        return record(() -> {
            List<ValueChange> changes = prepare(restore, definitions);
            if (changes.isEmpty()) {
                throw new ConfigException("nothing to roll back: the settings changed since version " + version
                        + " already have their values of then");
            }
            return changes;
        }, Objects.requireNonNullElse(owner, "unknown"), "rollback to version " + version, VersionOrigin.ROLLBACK);
    }

    /** Checks changes as a whole and returns those that differ from the running settings. */
    private List<ValueChange> prepare(List<StagedChange> staged, Map<String, ServiceDefinition> definitions) {
        List<SettingError> errors = new ArrayList<>();
        List<StagedChange> canonical = new ArrayList<>();
        for (StagedChange c : staged) {
            ChangeChecker.Result r = ChangeChecker.check(definitions, c);
            r.error().ifPresent(errors::add);
            r.canonical().ifPresent(canonical::add);
        }
        Map<String, Map<String, String>> before = new HashMap<>();
        canonical.forEach(c -> before.computeIfAbsent(c.pid(), running::values));
        for (Map.Entry<String, Map<String, String>> e : before.entrySet()) {
            Set<String> configured = new HashSet<>(e.getValue().keySet());
            canonical.stream().filter(c -> c.pid().equals(e.getKey())).forEach(c -> {
                if (c.value().isPresent()) {
                    configured.add(c.key());
                } else {
                    configured.remove(c.key());
                }
            });
            Set<String> flagged = errors.stream().filter(x -> x.pid().equals(e.getKey())).map(SettingError::key)
                    .collect(Collectors.toSet());
            errors.addAll(ChangeChecker.missingRequired(definitions.get(e.getKey()), configured, flagged));
        }
        if (!errors.isEmpty()) {
            LOG.warn("Configuration change refused, nothing applied: {}",
                    errors.stream().map(SettingError::message).collect(Collectors.joining("; ")));
            throw new ConfigValidationException(errors);
        }
        return canonical.stream()
                .map(c -> new ValueChange(c.pid(), c.key(), Optional.ofNullable(before.get(c.pid()).get(c.key())),
                        c.value()))
                .filter(c -> !c.before().equals(c.after())).toList();
    }

    /**
     * Stores a version, then applies it once it comes back from the log; a version that cannot be
     * stored is not applied. One another node's version overtook is checked and numbered again.
     *
     * @return the version, or null when {@code decide} finds nothing to change
     */
    private ConfigVersion record(Supplier<List<ValueChange>> decide, String owner, String comment,
            VersionOrigin origin) {
        follower.drain(this::applyArrived);
        follower.yieldTo(order::starvingLoss, StreamFollower.YIELD_MILLIS, this::applyArrived);
        for (int tries = 1;; tries++) {
            List<ValueChange> changes = decide.get();
            if (changes.isEmpty()) {
                return null;
            }
            ConfigVersion v = new ConfigVersion(history.nextNumber(), clock.instant(), owner, comment, origin, changes,
                    true);
            long base = appliedSequence;
            long change = ++changeCount;
            store(v, new ChangeGuard(log.nodeId(), instance, change, base));
            GuardedOrder.Verdict verdict = order.verdict(change).orElseThrow(
                    () -> new IllegalStateException("configuration change " + change + " applied without its guard"));
            if (!verdict.accepted()) {
                if (tries == MAX_TRIES) {
                    throw new ConfigException("version not stored: overtaken by other nodes' versions " + tries
                            + " times; last by " + verdict.winner() + "; commit again");
                }
                LOG.info("Configuration version {} overtaken by {}'s; checking it again", v.number(), verdict.winner());
                continue;
            }
            String error = notApplied.remove(v.number());
            if (error != null) {
                history.reverted(v.number());
                appendReverted(v.number(), error);
                throw new ConfigException("version " + v.number() + " not applied: " + error);
            }
            LOG.info("Configuration version {} ({}) by {}: {}", v.number(), comment.isEmpty() ? origin : comment, owner,
                    changes.stream().map(c -> c.pid() + " " + c.key() + " " + c.before().orElse("(default)") + " -> "
                            + c.after().orElse("(default)")).collect(Collectors.joining(", ")));
            return v;
        }
    }

    /** A failing listener neither undoes the version nor keeps the others from hearing of it. */
    private void tell(ConfigVersion v) {
        for (ConfigListener l : listeners) {
            try {
                l.committed(v);
            } catch (RuntimeException e) {
                LOG.warn("Configuration listener {} failed on version {}: {}", l.getClass().getName(), v.number(), e.toString());
            }
        }
    }

    private void store(ConfigVersion v, ChangeGuard guard) {
        String refused = "version " + v.number() + " not stored, nothing applied: ";
        long stored;
        try {
            List<Appended> a = log.appendAll(List.of(guard.wrap(STREAM,
                    List.of(new Inner(HistoryCodec.COMMITTED, HistoryCodec.committed(v))))))
                    .get(APPEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            stored = a.get(a.size() - 1).sequence();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException(refused + "interrupted", e);
        } catch (TimeoutException e) {
            throw new ConfigException("version " + v.number() + ": the event log did not answer within "
                    + APPEND_TIMEOUT_SECONDS + " s; if it stored the version, it applies when it arrives", e);
        } catch (ExecutionException e) {
            throw new ConfigException(refused + e.getCause().getMessage(), e.getCause());
        } catch (StorageException e) {
            throw new ConfigException(refused + e.getMessage(), e);
        }
        follower.awaitOwn(stored, TimeUnit.SECONDS.toMillis(APPEND_TIMEOUT_SECONDS), this::applyArrived)
                .ifPresent(why -> {
                    throw new ConfigException("version " + v.number() + ": the event log " + why);
                });
    }

    private void appendReverted(long version, String error) {
        try {
            log.append(STREAM, HistoryCodec.REVERTED, HistoryCodec.reverted(version, error));
        } catch (StorageException e) {
            LOG.warn("Configuration version {}: its revert was not stored: {}", version, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- descriptor

    @Override
    public synchronized void export(Writer out) throws IOException {
        DescriptorWriter.write(out, clock.instant(), history.nextNumber() - 1, installedFeatures(), services());
    }

    @Override
    public synchronized ImportResult importFrom(Reader in, String owner) throws IOException {
        requireNoSession("import");
        Descriptor d = DescriptorReader.read(in);
        List<ImportError> errors = new ArrayList<>(d.errors());
        Map<String, ServiceDefinition> definitions = catalog.definitions();
        List<StagedChange> staged = new ArrayList<>();
        for (Section s : d.sections()) {
            staged.addAll(checkSection(s, definitions, errors));
        }
        FeatureCatalog f = features;
        List<FeatureRef> notInstalled = f == null ? List.of() : checkFeatures(d.features(), f, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::line));
            ConfigImportException refused = new ConfigImportException(errors);
            LOG.warn("Configuration import refused, nothing applied: {}", refused.getMessage());
            throw refused;
        }
        Optional<ConfigVersion> v = Optional.ofNullable(record(() -> prepare(staged, definitions),
                Objects.requireNonNullElse(owner, "unknown"), "import", VersionOrigin.IMPORT));
        return new ImportResult(v, notInstalled, f != null);
    }

    private List<StagedChange> checkSection(Section s, Map<String, ServiceDefinition> definitions,
            List<ImportError> errors) {
        ServiceDefinition service = definitions.get(s.pid());
        if (service == null) {
            errors.add(new ImportError(s.line(), s.pid(), SettingRule.UNKNOWN_PID + ": " + ChangeChecker.UNKNOWN_PID));
            return List.of();
        }
        List<StagedChange> staged = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        for (Entry e : s.entries()) {
            ChangeChecker.Result r = ChangeChecker.check(definitions, new StagedChange(s.pid(), e.key(),
                    Optional.of(e.value())));
            r.canonical().ifPresent(staged::add);
            r.error().ifPresent(err -> {
                flagged.add(e.key());
                errors.add(new ImportError(e.line(), s.pid() + "/" + e.key(), "'" + err.value() + "': " + err.rule()
                        + ": " + err.problem()));
            });
        }
        Set<String> configured = new HashSet<>(running.values(s.pid()).keySet());
        s.entries().forEach(e -> configured.add(e.key()));
        for (SettingError missing : ChangeChecker.missingRequired(service, configured, flagged)) {
            errors.add(new ImportError(s.line(), s.pid() + "/" + missing.key(), missing.rule() + ": "
                    + missing.problem()));
        }
        return staged;
    }

    private static List<FeatureRef> checkFeatures(List<FeatureLine> listed, FeatureCatalog catalog,
            List<ImportError> errors) {
        List<FeatureRef> installed = catalog.installed();
        List<FeatureRef> notInstalled = new ArrayList<>();
        for (FeatureLine line : listed) {
            if (!catalog.exists(line.feature())) {
                errors.add(new ImportError(line.line(), Descriptor.FEATURES + "/" + line.feature().name(),
                        "no feature repository offers version " + line.feature().version()));
            } else if (!installed.contains(line.feature())) {
                notInstalled.add(line.feature());
            }
        }
        return notInstalled;
    }
}
