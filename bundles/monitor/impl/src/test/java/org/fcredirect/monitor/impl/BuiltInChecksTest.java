package org.fcredirect.monitor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.fcredirect.flow.testkit.ManualScheduler;
import org.fcredirect.monitor.api.HealthResult;
import org.fcredirect.policy.api.CacheStatistics;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyListener;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/** The checks the monitor ships for storage, the flow manager and the policy engine. */
class BuiltInChecksTest {
    private final ManualScheduler time = new ManualScheduler();

    @Test
    void storageIsUnhealthyWithoutALogAndWhileAppendsFail() throws Exception {
        StorageHealthCheck check = new StorageHealthCheck(time.clock, Duration.ZERO);
        assertFalse(check.check().healthy());
        InMemoryEventLog log = new InMemoryEventLog(time.clock);
        check.log = log;
        assertTrue(check.check().healthy());
        log.failAppends(true);
        HealthResult failing = check.check();
        assertFalse(failing.healthy());
        assertTrue(failing.message().startsWith("appends are failing"), failing.message());
        assertEquals("memory", failing.details().get("backend"));
    }

    @Test
    void anIdleLogIsProbedWithAnAppendOncePerProbePeriod() throws Exception {
        StorageHealthCheck check = new StorageHealthCheck(time.clock, Duration.ofSeconds(60));
        InMemoryEventLog log = new InMemoryEventLog(time.clock);
        check.log = log;
        assertEquals("storing events, last sequence 0", check.check().message());
        time.advanceMillis(59_000);
        assertEquals("open, idle at sequence 0", check.check().message());
        time.advanceMillis(1_000);
        assertEquals("idle; a probe event was appended at sequence 1", check.check().message());
        List<StoredEvent> probes = log.events(MonitorEvents.STREAM);
        assertEquals(StorageHealthCheck.PROBE, probes.get(0).type());
        log.append("flow", "something", new byte[] {1});
        time.advanceMillis(60_000);
        assertEquals("storing events, last sequence 2", check.check().message(), "other appends prove it too");
        assertEquals(1, log.events(MonitorEvents.STREAM).size());
    }

    @Test
    void thePolicyCheckIsUnhealthyUntilTheEngineIsRegistered() {
        PolicyHealthCheck policy = new PolicyHealthCheck();
        assertFalse(policy.check().healthy());
        policy.policies = new NoPolicies();
        HealthResult answered = policy.check();
        assertTrue(answered.healthy());
        assertEquals("replayed and answering: 0 policies", answered.message());
        assertEquals("0 of 100", answered.details().get("cacheSize"));
    }

    /** A policy engine without policies. */
    private static final class NoPolicies implements PolicyService {
        @Override
        public Decision evaluate(FlowContext context) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Decision evaluateDryRun(FlowContext context) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public void add(Policy policy) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public void update(Policy policy) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public void remove(String name) {
            throw new UnsupportedOperationException("a fake: these tests do not call it");
        }

        @Override
        public Optional<Policy> get(String name) {
            return Optional.empty();
        }

        @Override
        public List<Policy> list() {
            return List.of();
        }

        @Override
        public CacheStatistics cacheStatistics() {
            return new CacheStatistics(0, 0, 0, 0, 0, 100);
        }

        @Override
        public void addListener(PolicyListener listener) {
        }

        @Override
        public void removeListener(PolicyListener listener) {
        }
    }
}
