package org.fcredirect.fastpath.api;

/**
 * One compiled rule: frames of {@code vsan} from {@code matchSid} to {@code matchDid} (narrowed to
 * one LUN's exchanges when {@code lun} is not {@link #ANY_LUN}) leave with {@code newSid} and
 * {@code newDid}, are forwarded unchanged, or are dropped. Every field is a primitive or an API
 * enum, so the fast path can copy it into its own arrays.
 *
 * <p>A redirected flow has four rules, named by the path they serve (I initiator, T target, VT and
 * VI the appliance's virtual target and initiator): I→T becomes I→VT; VI→T leaves as I→T; T→I
 * becomes T→VI; VT→I leaves as T→I. A direct flow has two {@link RuleAction#PERMIT} rules and a
 * dropped or blocked one two {@link RuleAction#DROP} rules (I→T and T→I).
 *
 * <p>An appliance has one VT and one VI per VSAN, so the match addresses of the two legs that
 * leave the appliance (VI→T, VT→I) are shared by every flow it carries to the same target or from
 * the same initiator; only {@code flowId} and the new addresses tell them apart.
 *
 * @param flowId the flow the rule belongs to
 * @param vsan 1..4094
 * @param matchSid S_ID to match, 24 bits
 * @param matchDid D_ID to match, 24 bits
 * @param lun raw 8-byte FCP_LUN the flow is narrowed to, or {@link #ANY_LUN}
 * @param newSid S_ID after the rule, equal to {@code matchSid} unless the action is REWRITE
 * @param newDid D_ID after the rule, equal to {@code matchDid} unless the action is REWRITE
 */
public record RewriteRule(long flowId, int vsan, int matchSid, int matchDid, long lun, int newSid, int newDid,
        RuleAction action) {

    /** {@code lun} of a rule that applies to every LUN of the I-T pair. */
    public static final long ANY_LUN = -1L;

    public RewriteRule {
        if (vsan < 1 || vsan > 4094) {
            throw new IllegalArgumentException("rule VSAN " + vsan + " must be 1..4094");
        }
        checkFcid("match S_ID", matchSid);
        checkFcid("match D_ID", matchDid);
        checkFcid("new S_ID", newSid);
        checkFcid("new D_ID", newDid);
        if (action == null) {
            throw new IllegalArgumentException("rule action is missing");
        }
        if (action != RuleAction.REWRITE && (newSid != matchSid || newDid != matchDid)) {
            throw new IllegalArgumentException("a " + action + " rule keeps its addresses; only REWRITE changes them");
        }
    }

    private static void checkFcid(String what, int fcid) {
        if (fcid < 0 || fcid > 0xFFFFFF) {
            throw new IllegalArgumentException("rule " + what + " 0x" + Integer.toHexString(fcid) + " does not fit in 24 bits");
        }
    }

    public static RewriteRule rewrite(long flowId, int vsan, int matchSid, int matchDid, long lun, int newSid,
            int newDid) {
        return new RewriteRule(flowId, vsan, matchSid, matchDid, lun, newSid, newDid, RuleAction.REWRITE);
    }

    public static RewriteRule permit(long flowId, int vsan, int sid, int did, long lun) {
        return new RewriteRule(flowId, vsan, sid, did, lun, sid, did, RuleAction.PERMIT);
    }

    public static RewriteRule drop(long flowId, int vsan, int sid, int did, long lun) {
        return new RewriteRule(flowId, vsan, sid, did, lun, sid, did, RuleAction.DROP);
    }

    @Override
    public String toString() {
        String lunText = lun == ANY_LUN ? "" : String.format(" lun %016x", lun);
        String effect = switch (action) {
            case REWRITE -> String.format("-> 0x%06x->0x%06x", newSid, newDid);
            case PERMIT -> "permit";
            case DROP -> "drop";
        };
        return String.format("flow %d vsan %d 0x%06x->0x%06x%s %s", flowId, vsan, matchSid, matchDid, lunText, effect);
    }
}
