package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.storage.api.EventLog;
import org.fcredirect.storage.api.StorageStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class StorageMBeanImpl implements StorageMBean {

    @Reference
    EventLog log;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Storage", StorageMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    private StorageStatus status() {
        return log.status();
    }

    @Override
    public String getBackend() {
        return status().backend();
    }

    @Override
    public String getDurability() {
        return status().durability().name();
    }

    @Override
    public boolean isOpen() {
        return status().open();
    }

    @Override
    public boolean isFaulted() {
        return status().faulted();
    }

    @Override
    public String getLastError() {
        return status().lastError().orElse("");
    }

    @Override
    public long getFirstSequence() {
        return status().firstSequence();
    }

    @Override
    public long getLastSequence() {
        return status().lastSequence();
    }

    @Override
    public long getEventCount() {
        return status().eventCount();
    }

    @Override
    public long getByteCount() {
        return status().byteCount();
    }

    @Override
    public double getAppendsPerSecond() {
        return status().appendsPerSecond();
    }

    @Override
    public long getForceLatencyP50Micros() {
        return status().forceLatency().p50Micros();
    }

    @Override
    public long getForceLatencyP99Micros() {
        return status().forceLatency().p99Micros();
    }

    @Override
    public long getForceLatencyMaxMicros() {
        return status().forceLatency().maxMicros();
    }

    @Override
    public long getFailedAppends() {
        return status().failedAppends();
    }

    @Override
    public long getTruncatedOnRecovery() {
        return status().truncatedOnRecovery();
    }

    @Override
    public long getTruncatedBytesOnRecovery() {
        return status().truncatedBytesOnRecovery();
    }

    @Override
    public int getSubscriptions() {
        return status().subscriptions();
    }

    @Override
    public String[] getWarnings() {
        return status().warnings().toArray(new String[0]);
    }

    @Override
    public String[] getDetails() {
        return status().details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Override
    public String compact() {
        return Operations.call(() -> log.compact().toString());
    }
}
