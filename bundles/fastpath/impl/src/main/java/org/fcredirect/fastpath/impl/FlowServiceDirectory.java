package org.fcredirect.fastpath.impl;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.VirtualPorts;

/**
 * The generator's directory when the flow service is there: appliances go into the inventory,
 * hosts and targets log in through the login table, flows are imported in one change (each with
 * its appliance named, or none for the direct path), and the flow manager publishes their rules to
 * the fast path as it does for any flow. What an earlier run left is reused when it matches.
 */
final class FlowServiceDirectory implements FabricDirectory {
    static final String GROUP = "trafgen";
    private static final String DESCRIPTION = "traffic generator";

    private final LoginTable logins;
    private final FlowService flows;
    private final ApplianceInventory inventory;

    FlowServiceDirectory(LoginTable logins, FlowService flows, ApplianceInventory inventory) {
        this.logins = logins;
        this.flows = flows;
        this.inventory = inventory;
    }

    @Override
    public String name() {
        return "flow service";
    }

    @Override
    public long[] setUp(TrafficTopology t) {
        for (int a = 0; a < t.appliances(); a++) {
            ApplianceSpec spec = appliance(t, a);
            Optional<Appliance> existing = inventory.get(spec.name());
            if (existing.isEmpty()) {
                inventory.add(spec);
            } else if (!existing.get().spec().equals(spec)) {
                throw new IllegalStateException("appliance " + spec.name() + " exists with other settings ("
                        + existing.get().spec() + "); remove it or run the generator in other VSANs");
            }
        }
        logins.loginAll(ports(t));
        long[] ids = new long[t.flows];
        StringBuilder csv = new StringBuilder("vsan,initiator,target,appliance,description\n");
        List<Integer> missing = new ArrayList<>();
        for (int f = 0; f < t.flows; f++) {
            Optional<Flow> existing = flows.find(VsanId.of(t.vsan[f]), initiator(t, f), target(t, f), OptionalInt.empty());
            if (existing.isPresent()) {
                ids[f] = existing.get().id().value();
                continue;
            }
            missing.add(f);
            csv.append(t.vsan[f]).append(',').append(initiator(t, f)).append(',').append(target(t, f)).append(',')
                    .append(t.redirected(f) ? TrafficTopology.applianceName(t.appliance[f]) : "").append(',')
                    .append(DESCRIPTION).append('\n');
        }
        if (!missing.isEmpty()) {
            ImportResult imported = flows.importFlows(new StringReader(csv.toString()), FlowFormat.CSV);
            long first = imported.first().orElseThrow().value();
            for (int k = 0; k < missing.size(); k++) {
                ids[missing.get(k)] = first + k;
            }
        }
        for (int f = 0; f < t.flows; f++) {
            long id = ids[f];
            check(t, f, flows.get(FlowId.of(id)).orElseThrow(
                    () -> new IllegalStateException("flow " + id + " disappeared while the generator set it up")));
        }
        return ids;
    }

    /** The flow must be decided the way the generator will drive it. */
    private static void check(TrafficTopology t, int f, Flow flow) {
        Optional<String> expected = t.redirected(f) ? Optional.of(TrafficTopology.applianceName(t.appliance[f]))
                : Optional.empty();
        FlowState state = t.redirected(f) ? FlowState.ACTIVE : FlowState.DIRECT;
        if (flow.state() != state || !flow.appliance().equals(expected)) {
            throw new IllegalStateException("flow " + flow.id() + " (" + flow.spec() + ") is " + flow.state()
                    + flow.appliance().map(a -> " through " + a).orElse("") + ", the generator needs it " + state
                    + expected.map(a -> " through " + a).orElse("") + "; a policy or an earlier flow decided otherwise");
        }
    }

    @Override
    public void tearDown(TrafficTopology t, long[] flowIds) {
        for (long id : flowIds) {
            flows.delete(FlowId.of(id));
        }
        for (PortLogin p : ports(t)) {
            logins.logout(p.vsan(), p.pwwn());
        }
        for (int a = 0; a < t.appliances(); a++) {
            inventory.remove(TrafficTopology.applianceName(a));
        }
    }

    @Override
    public List<String> appliances(TrafficTopology t) {
        List<String> names = new ArrayList<>(t.appliances());
        for (int a = 0; a < t.appliances(); a++) {
            names.add(TrafficTopology.applianceName(a));
        }
        return names;
    }

    private static ApplianceSpec appliance(TrafficTopology t, int a) {
        ApplianceSpec.Builder b = ApplianceSpec.builder(TrafficTopology.applianceName(a)).group(GROUP);
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            b.ports(new VirtualPorts(VsanId.of(vsan), Wwn.of(TrafficTopology.vtWwn(vsan, a)),
                    FcId.of(TrafficTopology.vtFcidOf(a)), Wwn.of(TrafficTopology.viWwn(vsan, a)),
                    FcId.of(TrafficTopology.viFcidOf(a))));
        }
        return b.build();
    }

    private static List<PortLogin> ports(TrafficTopology t) {
        List<PortLogin> ports = new ArrayList<>();
        for (int v = 0; v < t.spec.vsans(); v++) {
            int vsan = t.spec.firstVsan() + v;
            VsanId id = VsanId.of(vsan);
            for (int h = 0; h < t.spec.initiatorsPerVsan(); h++) {
                ports.add(new PortLogin(id, Wwn.of(TrafficTopology.hostWwn(vsan, h)), FcId.of(TrafficTopology.hostFcidOf(h))));
            }
            for (int g = 0; g < t.spec.targetsPerVsan(); g++) {
                ports.add(new PortLogin(id, Wwn.of(TrafficTopology.targetWwn(vsan, g)),
                        FcId.of(TrafficTopology.targetFcidOf(g))));
            }
        }
        return ports;
    }

    private static Wwn initiator(TrafficTopology t, int f) {
        return Wwn.of(TrafficTopology.hostWwn(t.vsan[f], t.host[f]));
    }

    private static Wwn target(TrafficTopology t, int f) {
        return Wwn.of(TrafficTopology.targetWwn(t.vsan[f], t.target[f]));
    }
}
