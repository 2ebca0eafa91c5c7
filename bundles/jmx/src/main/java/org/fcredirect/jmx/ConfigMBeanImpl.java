package org.fcredirect.jmx;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ConfigVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class ConfigMBeanImpl implements ConfigMBean {
    static final String OWNER = "jmx";

    @Reference
    ConfigService config;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Config", ConfigMBean.class, this);
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
        return config.diff().stream().map(c -> c.pid() + " " + c.key() + ": " + c.before().orElse("(default)") + " -> "
                + c.after().orElse("(default)")).toArray(String[]::new);
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
