package org.fcredirect.fastpath.impl;

import org.fcredirect.fastpath.api.TrafficSpec;

/**
 * The ports and flows a {@link TrafficSpec} describes, as arrays by flow index (VSAN-major, then
 * host, then the host's n-th target). Addresses are derived from indexes so any number of runs
 * agree on them: hosts in domains 0x10-0x1f, targets 0x20-0x2f, appliance virtual ports 0x30 on.
 */
final class TrafficTopology {
    final TrafficSpec spec;
    final int flows;
    final int[] vsan;
    final int[] host;
    final int[] target;
    /** Appliance index of a redirected flow, -1 for the direct path. */
    final int[] appliance;

    TrafficTopology(TrafficSpec spec) {
        this.spec = spec;
        flows = spec.flows();
        vsan = new int[flows];
        host = new int[flows];
        target = new int[flows];
        appliance = new int[flows];
        int perHost = spec.flowsPerInitiator();
        int spread = Math.max(1, spec.appliances() / perHost);
        int f = 0;
        for (int v = 0; v < spec.vsans(); v++) {
            for (int h = 0; h < spec.initiatorsPerVsan(); h++) {
                for (int j = 0; j < perHost; j++) {
                    vsan[f] = spec.firstVsan() + v;
                    host[f] = h;
                    target[f] = (h + j) % spec.targetsPerVsan();
                    // appliance j (or one of its spares) carries the j-th target of every host, so
                    // no appliance carries two flows to one target or from one host
                    appliance[f] = redirected(spec, f) ? j + perHost * (h % spread) : -1;
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

    int vtFcid(int flow) {
        return vtFcidOf(appliance[flow]);
    }

    int viFcid(int flow) {
        return viFcidOf(appliance[flow]);
    }

    /** Appliances the spec names, whether or not a flow uses each (none when nothing is redirected). */
    int appliances() {
        return spec.redirectPercent() > 0 ? spec.appliances() : 0;
    }

    static int hostFcidOf(int h) {
        return 0x100000 + h;
    }

    static int targetFcidOf(int t) {
        return 0x200000 + t;
    }

    static int vtFcidOf(int a) {
        return 0x300000 + 2 * a;
    }

    static int viFcidOf(int a) {
        return 0x300000 + 2 * a + 1;
    }

    static long hostWwn(int vsan, int h) {
        return 0x2100_0000_0000_0000L | (long) vsan << 32 | h;
    }

    static long targetWwn(int vsan, int t) {
        return 0x5006_0000_0000_0000L | (long) vsan << 32 | t;
    }

    static long vtWwn(int vsan, int a) {
        return 0x5200_0000_0000_0000L | (long) vsan << 32 | 2L * a;
    }

    static long viWwn(int vsan, int a) {
        return 0x5200_0000_0000_0000L | (long) vsan << 32 | 2L * a + 1;
    }

    static String applianceName(int a) {
        return "trafgen-" + a;
    }
}
