package org.fcredirect.flow.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.storage.testkit.InMemoryEventLog;

/**
 * A small fabric for tests: an in-memory log, a clock that ticks a millisecond per reading, and
 * the flow components over them that a test can restart. Names: hosts H1.. in domain 1, targets T1..
 * in domain 2, appliances with their virtual ports in domain 3.
 */
final class Fabric implements AutoCloseable {
    static final VsanId VSAN = VsanId.of(10);

    final InMemoryEventLog log;
    final TickingClock clock = new TickingClock();
    FlowSettings settings;
    FlowStore store;
    FlowManager flows;
    LoginManager logins;
    InventoryManager appliances;

    Fabric() {
        this(FlowSettings.DEFAULTS);
    }

    Fabric(FlowSettings settings) {
        this(new InMemoryEventLog(), settings);
    }

    Fabric(InMemoryEventLog log, FlowSettings settings) {
        this.log = log;
        this.settings = settings;
        start();
    }

    private void start() {
        store = new FlowStore(log, clock, settings);
        flows = new FlowManager(store);
        logins = new LoginManager(store);
        appliances = new InventoryManager(store);
    }

    static FlowSettings settings(int snapshotEvery, boolean failback, FailoverMode defaultFailover) {
        return new FlowSettings(snapshotEvery, failback, defaultFailover, FlowAction.PERMIT, 5, true);
    }

    /** New components on the same log, as after a restart. */
    FlowManager restart() {
        store.deactivate();
        start();
        return flows;
    }

    static Wwn host(int n) {
        return Wwn.of(0x2000_0025_b500_0000L + n);
    }

    static Wwn target(int n) {
        return Wwn.of(0x5006_0160_0000_0000L + n);
    }

    static FcId hostFcid(int n) {
        return FcId.of(0x010000 + n);
    }

    static FcId targetFcid(int n) {
        return FcId.of(0x020000 + n);
    }

    /** Appliance {@code n}: VT 0x0300n0 and VI 0x0300n1 in VSAN 10. */
    static ApplianceSpec appliance(String name, String group, int n) {
        return ApplianceSpec.builder(name).group(group).ports(ports(VSAN, n)).build();
    }

    /** Appliance {@code n} with a pool of {@code size} addresses from 0x04n000 in VSAN 10. */
    static ApplianceSpec pooled(String name, String group, int n, int size) {
        return ApplianceSpec.builder(name).group(group).pool(pool(n, size)).build();
    }

    static PortPool pool(int n, int size) {
        return new PortPool(VSAN, FcId.of(0x040000 + n * 0x1000), FcId.of(0x040000 + n * 0x1000 + size - 1),
                Wwn.of(0x5000_0001_0000_0000L + ((long) n << 16)));
    }

    static VirtualPorts ports(VsanId vsan, int n) {
        return new VirtualPorts(vsan, Wwn.of(0x5000_0000_0000_0000L + n * 2L), FcId.of(0x030000 + n * 16),
                Wwn.of(0x5000_0000_0000_0001L + n * 2L), FcId.of(0x030001 + n * 16));
    }

    static FlowSpec.Builder spec(int host, int target) {
        return FlowSpec.builder().vsan(VSAN).initiator(host(host)).target(target(target));
    }

    void loginHost(int n) {
        logins.login(VSAN, host(n), hostFcid(n));
    }

    void loginTarget(int n) {
        logins.login(VSAN, target(n), targetFcid(n));
    }

    @Override
    public void close() {
        store.deactivate();
    }

    /** A clock that moves one millisecond every time it is read, so every change has its own time. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }
}
