package org.fcredirect.flow.api;

import java.util.List;

/**
 * Which appliance of a group carries a target: the one function the policy engine (placing new
 * flows) and the flow manager (picking a standby) must share, so that a target's failover goes to
 * the member that ranks next for it.
 *
 * <p>Weighted rendezvous hashing of (VSAN, target) over the members: each scores
 * {@code -weight / ln(u)} for a hash {@code u} in (0, 1), the highest wins. Every initiator of a
 * target lands on the same member, and a member joining or leaving moves only its own targets.
 */
public final class TargetAffinity {
    private TargetAffinity() {
    }

    /** The member that carries {@code target} in {@code vsan}, or null when there is none. */
    public static String choose(List<Appliance> members, int vsan, long target) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Appliance a : members) {
            long h = mix(mix(target * 31 + vsan) ^ a.name().hashCode());
            double u = ((h >>> 11) + 0.5) / (1L << 53);
            double score = -a.weight() / Math.log(u);
            if (score > bestScore) {
                bestScore = score;
                best = a.name();
            }
        }
        return best;
    }

    private static long mix(long z) {
        z = (z ^ z >>> 33) * 0xFF51AFD7ED558CCDL;
        z = (z ^ z >>> 33) * 0xC4CEB9FE1A85EC53L;
        return z ^ z >>> 33;
    }
}
