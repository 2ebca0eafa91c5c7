package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.SimpleType;
import org.fcredirect.config.api.ConfigListener;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.fcredirect.config.api.ValueChange;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Also a configuration listener: the service tells it of every applied version, which it turns into a notification. */
@Component(service = {})
public class ConfigMBeanImpl implements ConfigMBean, ConfigListener {
    static final String OWNER = "jmx";
    static final String COMMIT = "fcr.config.commit";
    static final String ROLLBACK = "fcr.config.rollback";
    static final String IMPORT = "fcr.config.import";

    private static final RowType VERSION = new RowType("ConfigVersion", "A configuration version",
            column("version", "Its number, 1, 2, ... in commit order", SimpleType.LONG),
            column("origin", "session, rollback or import", SimpleType.STRING),
            column("owner", "Who committed it", SimpleType.STRING),
            column("comment", "The committer's words, or what the rollback or import was", SimpleType.STRING),
            column("committed", "When (ISO-8601 UTC)", SimpleType.STRING),
            column("changes", "Every setting it changed: pid key: before -> after", RowType.STRINGS));

    @Reference
    ConfigService config;

    @Reference
    MBeanServer server;

    /** User data of every notification: a {@link #VERSION} row. */
    private final Notifier notifier = new Notifier("Config", Notifier.info("A configuration version was stored and applied",
            COMMIT, ROLLBACK, IMPORT));

    private MBeanRegistration registration;

    @Activate
    void activate(BundleContext context) throws JMException {
        registerMBean();
        registration.listen(context, ConfigListener.class, this);
    }

    void registerMBean() throws JMException {
        registration = MBeanRegistration.register(server, "Config", ConfigMBean.class, this, notifier);
    }

    @Override
    public void committed(ConfigVersion v) {
        String type = switch (v.origin()) {
            case SESSION -> COMMIT;
            case ROLLBACK -> ROLLBACK;
            case IMPORT -> IMPORT;
        };
        String[] changes = v.changes().stream().map(ConfigMBeanImpl::change).toArray(String[]::new);
        notifier.send(type, "configuration version " + v.number() + " (" + v.origin() + ") by " + v.owner() + ": "
                + String.join(", ", changes), VERSION.row(v.number(), v.origin().toString(), v.owner(), v.comment(),
                v.committed().toString(), changes));
    }

    private static String change(ValueChange c) {
        return c.pid() + " " + c.key() + ": " + c.before().orElse("(default)") + " -> " + c.after().orElse("(default)");
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public String[] getServicePids() {
        return config.services().stream().map(s -> s.pid()).toArray(String[]::new);
    }

    @Override
    public boolean isSessionOpen() {
        return config.session().isPresent();
    }

    @Override
    public String[] getStagedChanges() {
        return config.diff().stream().map(ConfigMBeanImpl::change).toArray(String[]::new);
    }

    @Override
    public long getLatestVersion() {
        List<ConfigVersion> history = config.history();
        return history.isEmpty() ? 0 : history.get(history.size() - 1).number();
    }

    @Override
    public void stage(String pid, String key, String value) {
        Operations.run(() -> {
            if (config.session().isEmpty()) {
                config.begin(OWNER);
            }
            config.stage(pid, key, value);
        });
    }

    @Override
    public long commit(String comment) {
        return Operations.call(() -> config.commit(comment == null ? "" : comment).number());
    }

    @Override
    public void abort() {
        Operations.run(config::abort);
    }

    @Override
    public long rollback(long version) {
        return Operations.call(() -> config.rollback(version, OWNER).number());
    }

    @Override
    public String exportDescriptor() {
        return Operations.call(() -> {
            StringWriter out = new StringWriter();
            try {
                config.export(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        });
    }
}
