package org.fcredirect.bench.control;

import java.util.concurrent.TimeUnit;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.flow.impl.FlowManager;
import org.fcredirect.flow.impl.FlowStore;
import org.fcredirect.flow.impl.InventoryManager;
import org.fcredirect.storage.testkit.InMemoryEventLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What allocating virtual ports costs a placement: one {@link FlowManager#create} of a flow
 * redirected through appliance a1, per flow, on the in-memory log. {@code ports=pool}: a1 has a
 * pool of 65 536 addresses, so the flow takes the VT of its target and the VI of its host (new ones
 * for the first flow of each; 1 000 targets, a new host every 1 000 flows). {@code ports=fixed}:
 * the baseline in the same run, a1 with one fixed VT/VI pair that every flow shares, the placement
 * as before pools. The difference is the allocator's cost per placement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PlacementBenchmark {

    @Param({"pool", "fixed"})
    public String ports;

    private FlowManager flows;
    private long next;

    @Setup(Level.Iteration)
    public void fresh() {
        FlowStore store = new FlowStore(new InMemoryEventLog(), Configs.flow());
        flows = new FlowManager(store);
        ApplianceSpec.Builder a1 = ApplianceSpec.builder("a1").group("enc");
        if (ports.equals("pool")) {
            a1.pool(new PortPool(Fabrics.VSAN, FcId.of(0x0b0000), FcId.of(0x0bffff), Wwn.of(0x5000_5300_0000_0000L)));
        } else {
            a1.ports(new VirtualPorts(Fabrics.VSAN, Wwn.of(0x5000_5300_0000_0000L), FcId.of(0x0b0000),
                    Wwn.of(0x5000_5300_0000_0001L), FcId.of(0x0b0001)));
        }
        new InventoryManager(store).add(a1.build());
    }

    @Benchmark
    public FlowId create() {
        long n = next++;
        return flows.create(FlowSpec.builder().vsan(Fabrics.VSAN).initiator(Fabrics.host(n / 1000))
                .target(Fabrics.target(n % 1000)).appliance("a1").build());
    }
}
