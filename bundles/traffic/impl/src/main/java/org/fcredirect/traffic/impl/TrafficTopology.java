package org.fcredirect.traffic.impl;

import java.util.List;
import java.util.Optional;

import org.fcredirect.traffic.api.TrafficSpec;

/**
 * The ports and flows a {@link TrafficSpec} describes, as arrays by flow index (VSAN-major, then
 * host, then the host's n-th target), and where each flow is planned to go: every flow of target
 * t through appliance {@code t mod appliances}, so one appliance serves every host of the targets
 * it fronts. Addresses are derived from indexes so any number of runs agree on them: hosts in
 * domain 0x10, targets 0x20, and from domain 0x30 on a pool of {@value #POOL_SIZE} virtual port
 * addresses per appliance. Appliance {@code a} of the run (0 to {@code appliances - 1}) is the
 * fabric's appliance number {@code firstAppliance + a}: its name and pool come from that number, so
 * runs on several nodes of one fabric with disjoint numbers never meet on an appliance, while its
 * group and the flows it is planned for come from {@code a}. Where a flow actually goes, with which VT and VI, is
 * {@link FlowRoutes}'s business; the planned VT and VI here are what {@link DirectRules} use
 * without a flow manager to allocate them (unambiguous up to {@value #POOL_HALF} targets and
 * hosts per VSAN).
 */
final class TrafficTopology {
    /** Virtual port addresses of each appliance in each VSAN: 16 areas of one domain. */
    static final int POOL_SIZE = 4096;
    static final int POOL_HALF = POOL_SIZE / 2;
    private static final int FIRST_POOL_DOMAIN = 0x30;
    private static final int POOLS_PER_DOMAIN = 0x10000 / POOL_SIZE;

    private static final TrafficSpec.Failover[] MIXED = {TrafficSpec.Failover.STANDBY, TrafficSpec.Failover.BYPASS,
        TrafficSpec.Failover.BLOCK};

    final TrafficSpec spec;
    final int flows;
    final int[] vsan;
    final int[] host;
    final int[] target;
    /** Appliance index (of the run) of a flow redirected by plan, -1 for the direct path or for the policies to decide. */
    final int[] appliance;

    TrafficTopology(TrafficSpec spec) {
        this.spec = spec;
        flows = spec.flows();
        vsan = new int[flows];
        host = new int[flows];
        target = new int[flows];
        appliance = new int[flows];
        int perHost = spec.flowsPerInitiator();
        int f = 0;
        for (int v = 0; v < spec.vsans(); v++) {
            for (int h = 0; h < spec.initiatorsPerVsan(); h++) {
                for (int j = 0; j < perHost; j++) {
                    vsan[f] = spec.firstVsan() + v;
                    host[f] = h;
                    target[f] = (h + j) % spec.targetsPerVsan();
                    appliance[f] = spec.placement() == TrafficSpec.Placement.EXPLICIT && redirected(spec, f)
                            ? target[f] % spec.appliances() : -1;
                    f++;
                }
            }
        }
    }

    private static boolean redirected(TrafficSpec spec, int flow) {
        long z = spec.seed() * 0x9E3779B97F4A7C15L + flow;
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        return Math.floorMod(z ^ z >>> 31, 100) < spec.redirectPercent();
    }

    boolean redirected(int flow) {
        return appliance[flow] >= 0;
    }

    int initiatorFcid(int flow) {
        return hostFcidOf(host[flow]);
    }

    int targetFcid(int flow) {
        return targetFcidOf(target[flow]);
    }

    /** The planned VT: the pool's first half, by target. */
    int vtFcid(int flow) {
        return poolFirstFcid(appliance[flow]) + target[flow] % POOL_HALF;
    }

    /** The planned VI: the pool's second half, by host. */
    int viFcid(int flow) {
        return poolFirstFcid(appliance[flow]) + POOL_HALF + host[flow] % POOL_HALF;
    }

    /** Appliances the spec names, whether or not a flow uses each (none when nothing is to be redirected). */
    int appliances() {
        boolean used = spec.placement() == TrafficSpec.Placement.POLICY || spec.redirectPercent() > 0;
        return used ? spec.appliances() : 0;
    }

    /** The group of appliance {@code a}. */
    String groupOf(int a) {
        List<String> groups = spec.groups();
        return groups.get(a % groups.size());
    }

    /** The failover mode written into the flow's spec; empty: none (the policy's or the flow manager's default). */
    Optional<String> failoverOf(int flow) {
        TrafficSpec.Failover mode = spec.failover();
        if (mode == TrafficSpec.Failover.MIXED) {
            mode = MIXED[flow % MIXED.length];
        }
        return mode == TrafficSpec.Failover.DEFAULT ? Optional.empty() : Optional.of(mode.toString());
    }

    /**
     * The index of the flow of these port names, or -1 when it is not one of this topology's: the
     * inverse of the placement above, so the flow manager's events map to flows without a lookup table.
     */
    int indexOf(int vsanNumber, long initiatorWwn, long targetWwn) {
        int v = vsanNumber - spec.firstVsan();
        if (v < 0 || v >= spec.vsans()) {
            return -1;
        }
        long h = initiatorWwn - hostWwn(vsanNumber, 0);
        long t = targetWwn - targetWwn(vsanNumber, 0);
        if (h < 0 || h >= spec.initiatorsPerVsan() || t < 0 || t >= spec.targetsPerVsan()) {
            return -1;
        }
        int j = Math.floorMod((int) t - (int) h, spec.targetsPerVsan());
        return j < spec.flowsPerInitiator() ? v * spec.flowsPerVsan() + (int) h * spec.flowsPerInitiator() + j : -1;
    }

    static int hostFcidOf(int h) {
        return 0x100000 + h;
    }

    static int targetFcidOf(int t) {
        return 0x200000 + t;
    }

    /** The first address of the run's appliance {@code a}'s pool, the same in every VSAN. */
    int poolFirstFcid(int a) {
        int n = applianceNumber(a);
        return (FIRST_POOL_DOMAIN + n / POOLS_PER_DOMAIN) << 16 | n % POOLS_PER_DOMAIN * POOL_SIZE;
    }

    static long hostWwn(int vsan, int h) {
        return 0x2100_0000_0000_0000L | (long) vsan << 32 | h;
    }

    static long targetWwn(int vsan, int t) {
        return 0x5006_0000_0000_0000L | (long) vsan << 32 | t;
    }

    /** The pWWN of the first address of the run's appliance {@code a}'s pool in the VSAN. */
    long poolWwnBase(int vsan, int a) {
        return 0x5200_0000_0000_0000L | (long) vsan << 32 | (long) applianceNumber(a) * POOL_SIZE;
    }

    /** The name of the run's appliance {@code a}: {@code trafgen-N}, N its number in the fabric. */
    String applianceName(int a) {
        return "trafgen-" + applianceNumber(a);
    }

    private int applianceNumber(int a) {
        return spec.firstAppliance() + a;
    }
}
