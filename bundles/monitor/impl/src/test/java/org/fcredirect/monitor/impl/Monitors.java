package org.fcredirect.monitor.impl;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.FailoverHandler;
import org.fcredirect.monitor.api.HealthCheck;
import org.fcredirect.monitor.api.HealthTransition;
import org.osgi.framework.Constants;

/** Builds monitors on virtual time for tests, and the bits around them. */
final class Monitors {
    static final long TEST_BUNDLE = 42;

    private Monitors() {
    }

    /** Checks every 1000 ms, timeout 500 ms, threshold 3; heartbeats every 1000 ms, 3 missed: unhealthy. */
    static MonitorSettings settings(boolean failback) {
        return new MonitorSettings(MonitorSettings.timing(1000, 500, 3), 2, MonitorSettings.timing(1000, 1000, 3),
                failback, Duration.ZERO);
    }

    /** A monitor whose checks run on the ticking thread and whose failover and handler calls are synchronous. */
    static MonitorManager direct(ManualScheduler scheduler, MonitorSettings settings) {
        return on(scheduler, new DirectExecutorService(), settings);
    }

    static MonitorManager on(ManualScheduler scheduler, ExecutorService workers, MonitorSettings settings) {
        return on(scheduler, workers, settings, new FakeServices());
    }

    static MonitorManager on(ManualScheduler scheduler, ExecutorService workers, MonitorSettings settings,
            ServiceSource services) {
        MonitorThreads threads = new MonitorThreads(scheduler.clock, (delay, task) -> scheduler.after(delay, task)::run, workers, Runnable::run, Runnable::run,
                workers::shutdownNow);
        return new MonitorManager(threads, services, settings);
    }

    static Map<String, Object> check(long serviceId, String name, Object... more) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.SERVICE_ID, serviceId);
        p.put(Constants.SERVICE_BUNDLEID, TEST_BUNDLE);
        p.put(HealthCheck.NAME, name);
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    /** A failover handler that keeps what it was told. */
    static final class RecordingHandler implements FailoverHandler {
        final List<HealthTransition> seen = new CopyOnWriteArrayList<>();

        @Override
        public void healthChanged(HealthTransition transition) {
            seen.add(transition);
        }
    }

    /** A registry with the services a test puts in. */
    static final class FakeServices implements ServiceSource {
        final List<RegisteredService> services = new CopyOnWriteArrayList<>();

        @Override
        public List<RegisteredService> fcrServices() {
            return List.copyOf(services);
        }

        @Override
        public Optional<String> bundleName(long bundleId) {
            return bundleId == TEST_BUNDLE ? Optional.of("org.fcredirect.test") : Optional.empty();
        }
    }
}
