package org.fcredirect.bench.control;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.impl.FlowStore;
import org.fcredirect.flow.impl.InventoryManager;
import org.fcredirect.policy.api.Balancing;
import org.fcredirect.policy.api.Decision;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.LunRange;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyMatch;
import org.fcredirect.policy.api.WwnPattern;
import org.fcredirect.policy.impl.PolicyManager;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One policy evaluation, by the state of the decision cache. {@code policies} policies each
 * match one exact initiator none of the evaluated flows has, so an evaluation without the cache
 * scans them all and ends at a catch-all redirect that balances over four appliances by target
 * affinity: the worst case. The real appliance inventory over the flow store serves it, as in the
 * container.
 * <ul>
 * <li>{@code cache=warm}: 4 096 contexts in a cache of 10 000, all cached: every evaluation a hit.</li>
 * <li>{@code cache=miss}: 65 536 contexts cycled through a cache of 1 024: every evaluation a miss,
 * an insertion and an eviction.</li>
 * <li>{@code cache=none}: the cache turned off (size 0): the plain evaluation, the baseline.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyEvaluationBenchmark {

    @Param({"warm", "miss", "none"})
    public String cache;

    @Param({"100"})
    public int policies;

    private InventoryManager inventory;
    private PolicyManager engine;
    private FlowContext[] contexts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryEventLog log = new InMemoryEventLog();
        inventory = new InventoryManager(new FlowStore(log, Configs.flow()));
        Fabrics.appliances(inventory, 4);
        int cacheSize = switch (cache) {
            case "warm" -> 10_000;
            case "miss" -> 1_024;
            default -> 0;
        };
        engine = new PolicyManager(log, inventory, Configs.policy(cacheSize));
        for (int i = 0; i < policies; i++) {
            engine.add(Policy.builder("p" + i).priority(i).match(PolicyMatch.of(Set.of(),
                    WwnPattern.exact(Fabrics.host(1_000_000 + i)),
                    WwnPattern.any(), LunRange.any()))
                    .action(i % 2 == 0 ? FlowAction.DROP : FlowAction.PERMIT)
                    .build());
        }
        engine.add(Policy.builder("enc").priority(Policy.MAX_PRIORITY).redirect("enc",
                Balancing.TARGET_AFFINITY).build());
        contexts = new FlowContext[cache.equals("miss") ? 65_536 : 4_096];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = FlowContext.of(Fabrics.VSAN, Fabrics.host(i / 64), Fabrics.target(i % 64));
        }
        for (FlowContext c : contexts) {
            engine.evaluate(c);
        }
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.println("\n" + cache + ": " + engine.cacheStatistics());
    }

    @Benchmark
    public Decision evaluate() {
        FlowContext c = contexts[next];
        next = next + 1 & contexts.length - 1;
        return engine.evaluate(c);
    }
}
