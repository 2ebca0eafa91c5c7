package org.fcredirect.demo;

import org.fcredirect.traffic.api.TrafficSpec;

/**
 * Which part of the demo one node of a fabric runs: share {@code k/n} takes the k-th of n
 * contiguous runs of the demo's VSANs, with its hosts, targets and flows, and the same part of the
 * frame rate. The nodes of a fabric share one history, so each creates only its part and all of
 * them see the whole demo. Appliances are fabric-wide too: each share brings the demo's number of
 * them under numbers of its own ({@code trafgen-0..5} for 1/2, {@code trafgen-6..11} for 2/2 of six),
 * so no node's generator reuses, removes or heartbeats another's.
 */
record DemoShare(int index, int of) {
    /** The whole demo on one node. */
    static final DemoShare ALL = new DemoShare(1, 1);
    static final int MAX_NODES = 64;

    /** @throws IllegalArgumentException for anything but {@code k/n} with 1 <= k <= n <= 64 */
    static DemoShare parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw new IllegalArgumentException("demo share '" + text + "': expected k/n, e.g. 1/2 for the first of two nodes");
        }
        int k;
        int n;
        try {
            k = Integer.parseInt(s.substring(0, slash).strip());
            n = Integer.parseInt(s.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("demo share '" + text + "': k and n of k/n must be whole numbers");
        }
        if (n < 1 || n > MAX_NODES || k < 1 || k > n) {
            throw new IllegalArgumentException("demo share '" + text + "': needs 1 <= k <= n <= " + MAX_NODES);
        }
        return new DemoShare(k, n);
    }

    /**
     * This share's part of the traffic: VSANs {@code firstVsan + floor((k-1)V/n)} up to before
     * {@code firstVsan + floor(kV/n)}, the frame rate in proportion, and all of the spec's
     * appliances (every share's VSANs need every group) numbered from
     * {@code firstAppliance + (k-1) x appliances}.
     *
     * @throws IllegalArgumentException when the traffic has fewer VSANs than nodes share it, or its
     *     appliances numbered so go beyond what the generator takes
     */
    TrafficSpec apply(TrafficSpec spec) {
        if (of == 1) {
            return spec;
        }
        int vsans = spec.vsans();
        if (vsans < of) {
            throw new IllegalArgumentException("demo share " + this + ": the traffic has " + vsans
                    + " VSANs, fewer than the " + of + " nodes that share it");
        }
        int from = (index - 1) * vsans / of;
        int to = index * vsans / of;
        long fps = Math.max(1, spec.framesPerSecond() * (to - from) / vsans);
        int firstAppliance = spec.firstAppliance() + (index - 1) * spec.appliances();
        try {
            return spec.toBuilder().firstVsan(spec.firstVsan() + from).vsans(to - from).framesPerSecond(fps)
                    .firstAppliance(firstAppliance).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demo share " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + of;
    }
}
