package org.fcredirect.config.api;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The settings of every fc-redirect service (every configuration PID that a bundle whose symbolic
 * name starts with {@code org.fcredirect.} describes in its metatype), typed and checked.
 *
 * <p><b>Values as text.</b> Values are given and shown as text; a multi-valued setting is a
 * comma-separated list, with {@code \,} for a comma inside a value and {@code \\} for a backslash.
 * A value is checked against the service's metatype (type, min/max, allowed values, number of
 * values, required) and stored in canonical form ({@code +5} becomes {@code 5}, {@code TRUE}
 * becomes {@code true}). A refused value names the PID, the key, the value and the rule, and
 * nothing changes.
 *
 * <p><b>Sessions.</b> As in a fabric configuration session, changes are staged ({@link #begin},
 * {@link #stage}), reviewed ({@link #diff}) and committed as a whole ({@link #commit}): every
 * change is checked again, together, and then the new version is stored in the event log and
 * applied to ConfigAdmin, every service's changes at once; if one check fails, nothing is applied.
 * One session at a time; it lives in memory, so a restart of the service ends it.
 *
 * <p><b>History.</b> Every committed version is an event on the {@code config} stream. A
 * {@link #rollback} to version N is a new version that sets every setting changed after N back to
 * its value at N. Settings changed outside this service (ConfigAdmin directly, {@code etc/*.cfg})
 * are not in the history and are left alone.
 *
 * <p><b>Descriptor.</b> {@link #export} writes the whole configuration as one UTF-8 text file,
 * {@link #importFrom} reads it back (format in {@code FORMATS.md} of the config-impl module):
 * <pre>
 * # comment lines and blank lines are ignored
 * fcr-config 1                      (the format line, first)
 * [features]                        (installed fc-redirect features: name = version)
 * fcr-policy = 1.0.0.SNAPSHOT
 * [org.fcredirect.policy]           (one section per PID: key = value)
 * decisionCacheSize = 10000
 * </pre>
 */
@ProviderType
public interface ConfigService {
    /** Bundles whose symbolic name starts with this hold the fc-redirect services. */
    String BUNDLE_PREFIX = "org.fcredirect.";

    /** Every fc-redirect service's settings, by PID. */
    List<ServiceSettings> services();

    /** @throws ConfigValidationException for an unknown PID */
    ServiceSettings service(String pid);

    /**
     * Opens the session.
     *
     * @param owner who stages, e.g. the shell user
     * @throws ConfigException while a session is open
     */
    ConfigSession begin(String owner);

    Optional<ConfigSession> session();

    /**
     * Stages a value, replacing what was staged for that setting before.
     *
     * @throws ConfigValidationException when the value breaks a rule; nothing is staged
     * @throws ConfigException without an open session
     */
    ConfigSession stage(String pid, String key, String value);

    /** Stages a return to the setting's default (its key leaves the configuration). */
    ConfigSession stageDefault(String pid, String key);

    /** Drops what was staged for a setting. */
    ConfigSession unstage(String pid, String key);

    /** The staged changes that differ from the running settings, in staging order. */
    List<ValueChange> diff();

    /**
     * Checks the staged changes as a whole, stores the new version and applies it; the session ends.
     *
     * @throws ConfigValidationException when a change breaks a rule now; nothing is applied and
     *         the session stays open
     * @throws ConfigException when nothing differs from the running settings, or the version
     *         could not be stored (nothing is applied) or applied (what was applied is restored)
     */
    ConfigVersion commit(String comment);

    /** Ends the session, dropping what it staged. */
    void abort();

    /** Every committed version, oldest first. */
    List<ConfigVersion> history();

    /**
     * Sets every setting changed after {@code version} back to its value then, as a new version.
     *
     * @param version a committed version, or 0 for the settings before the first
     * @throws ConfigException for an unknown version, while a session is open, or when nothing
     *         differs
     * @throws ConfigValidationException when an old value breaks today's rules
     */
    ConfigVersion rollback(long version, String owner);

    /** The installed features whose name starts with {@code fcr}; empty without Karaf's feature service. */
    List<FeatureRef> installedFeatures();

    /** Writes every service's settings in effect and the installed features as a descriptor. */
    void export(Writer out) throws IOException;

    /**
     * Applies a descriptor as one version: every setting it lists (settings and services it does
     * not list keep their values). All or nothing.
     *
     * @throws ConfigImportException naming the line and the field of every fault; nothing is applied
     * @throws ConfigException while a session is open, or when the version cannot be stored or applied
     */
    ImportResult importFrom(Reader in, String owner) throws IOException;
}
