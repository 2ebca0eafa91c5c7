package org.fcredirect.flow.impl;

import java.time.Clock;

import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.storage.api.EventLog;

/**
 * One node's flow components over an event log, for the benchmarks of {@code org.fcredirect.bench}
 * (in this module only, in the flow impl's package on the class path, as {@code BenchBridge} does
 * for the fast path): the store's settings, its rule sink binding and its deactivation are the
 * OSGi component's, package-private.
 */
public final class FlowBenchBridge implements AutoCloseable {
    /** No snapshots (a benchmark measures changes, not snapshotting), otherwise the defaults. */
    private static final FlowSettings SETTINGS = new FlowSettings(0, true, FailoverMode.STANDBY, FlowAction.PERMIT,
            FlowSettings.DEFAULT_APPEND_TIMEOUT_SECONDS, true);

    private final FlowStore store;
    private final FlowManager flows;
    private final LoginManager logins;
    private final InventoryManager appliances;

    /** Rebuilds the node's state from {@code log} and follows it, as the component does when it starts. */
    public FlowBenchBridge(EventLog log) {
        store = new FlowStore(log, Clock.systemUTC(), SETTINGS);
        flows = new FlowManager(store);
        logins = new LoginManager(store);
        appliances = new InventoryManager(store);
    }

    public FlowManager flows() {
        return flows;
    }

    public LoginManager logins() {
        return logins;
    }

    public InventoryManager appliances() {
        return appliances;
    }

    /** The node's fast path: gets the full table now, then every rule change this node applies. */
    public void bindRuleSink(RuleSink sink) {
        store.bindRuleSink(sink);
    }

    @Override
    public void close() {
        store.deactivate();
    }
}
