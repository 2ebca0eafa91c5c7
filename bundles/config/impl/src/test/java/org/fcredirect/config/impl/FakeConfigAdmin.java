package org.fcredirect.config.impl;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** ConfigAdmin in memory: records every update and can be told to fail one PID's. */
final class FakeConfigAdmin implements ConfigurationAdmin {
    final List<String> updates = new CopyOnWriteArrayList<>();
    private final Map<String, FakeConfiguration> configurations = new TreeMap<>();
    private String failing;

    /** Updates of this PID throw, as a full disk would make them. */
    void failUpdatesOf(String pid) {
        failing = pid;
    }

    /** Sets a configuration as an etc/*.cfg file would, without counting as an update. */
    synchronized void preset(String pid, Map<String, Object> values) {
        FakeConfiguration c = configurations.computeIfAbsent(pid, FakeConfiguration::new);
        c.properties = new Hashtable<>(values);
        c.properties.put(Constants.SERVICE_PID, pid);
    }

    /** A PID's properties without service.pid; empty when it has no configuration. */
    synchronized Map<String, Object> properties(String pid) {
        FakeConfiguration c = configurations.get(pid);
        Map<String, Object> p = new HashMap<>();
        if (c != null && c.properties != null) {
            Collections.list(c.properties.keys()).forEach(k -> p.put(k, c.properties.get(k)));
        }
        p.remove(Constants.SERVICE_PID);
        return p;
    }

    @Override
    public synchronized Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, FakeConfiguration::new);
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public synchronized Configuration[] listConfigurations(String filter) {
        String prefix = "(" + Constants.SERVICE_PID + "=";
        if (filter == null || !filter.startsWith(prefix) || !filter.endsWith(")")) {
            throw new UnsupportedOperationException("only (service.pid=...) filters: " + filter);
        }
        String pid = filter.substring(prefix.length(), filter.length() - 1).replaceAll("\\\\(.)", "$1");
        FakeConfiguration c = configurations.get(pid);
        return c == null || c.properties == null ? null : new Configuration[] {c};
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException("a fake: these tests do not call it");
    }

    private final class FakeConfiguration implements Configuration {
        private final String pid;
        private Hashtable<String, Object> properties;

        FakeConfiguration(String pid) {
            this.pid = pid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            synchronized (FakeConfigAdmin.this) {
                return properties == null ? null : new Hashtable<>(properties);
            }
        }

        @Override
        public void update(Dictionary<String, ?> next) throws IOException {
            synchronized (FakeConfigAdmin.this) {
                if (pid.equals(failing)) {
                    throw new IOException("injected: cannot write the configuration of " + pid);
                }
                properties = new Hashtable<>();
                Collections.list(next.keys()).forEach(k -> properties.put(k, next.get(k)));
                properties.put(Constants.SERVICE_PID, pid);
                updates.add(pid);
            }
        }

        @Override
        public void delete() {
            synchronized (FakeConfigAdmin.this) {
                configurations.remove(pid);
                updates.add("delete " + pid);
            }
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public String getFactoryPid() {
            return null;
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> next) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return updates.size();
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }
    }
}
