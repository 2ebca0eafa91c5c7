package org.fcredirect.bench.fastpath;

import java.util.HashMap;
import java.util.Map;

import org.fcredirect.fastpath.api.RuleAction;
import org.fcredirect.fastpath.api.RuleBatch;
import org.fcredirect.fc.FcType;
import org.fcredirect.fc.FrameView;
import org.fcredirect.fc.RCtl;

/**
 * The baseline: the same per-frame work as the fast path's worker (check, look up, rewrite, count,
 * track FCP exchanges) done the obvious way, with {@code HashMap}s of boxed keys and a rule object
 * per entry. The keys mix their fields into the hash: a record's own hash code of FCIDs (which
 * differ in few low bits) puts several keys in each bucket and slows the baseline further still.
 */
public final class NaiveFastPath {
    record FlowKey(int vsan, int sid, int did) {
        @Override
        public int hashCode() {
            return Long.hashCode(((long) vsan << 48 | (long) sid << 24 | did) * 0x9E3779B97F4A7C15L);
        }
    }

    record ExchangeKey(int vsan, int originator, int responder, int ox) {
        @Override
        public int hashCode() {
            return Long.hashCode(((long) vsan << 48 | (long) originator << 24 | responder) * 0x9E3779B97F4A7C15L ^ ox);
        }
    }

    static final class Rule {
        final long flow;
        final int newSid;
        final int newDid;
        final RuleAction action;
        final boolean egress;
        long framesToTarget;
        long bytesToTarget;
        long framesToInitiator;
        long bytesToInitiator;
        long opened;
        long completed;

        Rule(long flow, int matchSid, int newSid, int newDid, RuleAction action) {
            this.flow = flow;
            this.newSid = newSid;
            this.newDid = newDid;
            this.action = action;
            this.egress = action == RuleAction.REWRITE && newSid != matchSid;
        }
    }

    private final Map<FlowKey, Rule> rules = new HashMap<>();
    private final Map<ExchangeKey, Long> exchanges = new HashMap<>();
    private final FrameView view = new FrameView();
    private long unmatched;
    private long forwarded;

    public void install(RuleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            rules.put(new FlowKey(b.vsan(i), b.matchSid(i), b.matchDid(i)),
                    new Rule(b.flowId(i), b.matchSid(i), b.newSid(i), b.newDid(i), b.action(i)));
        }
    }

    /** Decides one frame; true when it is forwarded. */
    public boolean process(byte[] buf, int off, int len, int vsan) {
        FrameView v = view.wrap(buf, off, len);
        if (v.check() != FrameView.OK) {
            return false;
        }
        int s = v.sId();
        int d = v.dId();
        Rule r = rules.get(new FlowKey(vsan, s, d));
        if (r == null) {
            unmatched++;
            forwarded++;
            return true;
        }
        boolean toInitiator = v.fromResponder();
        if (toInitiator) {
            r.framesToInitiator++;
            r.bytesToInitiator += len;
        } else {
            r.framesToTarget++;
            r.bytesToTarget += len;
        }
        if (r.action == RuleAction.DROP) {
            return false;
        }
        if (r.action == RuleAction.REWRITE) {
            v.sId(r.newSid);
            v.dId(r.newDid);
        }
        if (v.type() == FcType.FCP && !r.egress) {
            if (v.rCtl() == RCtl.FCP_CMND && !toInitiator) {
                exchanges.put(new ExchangeKey(vsan, s, d, v.oxId()), 0L);
                r.opened++;
            } else if (v.rCtl() == RCtl.FCP_RSP && toInitiator && exchanges.remove(new ExchangeKey(vsan, d, s, v.oxId())) != null) {
                r.completed++;
            }
        }
        forwarded++;
        return true;
    }

    public long forwarded() {
        return forwarded;
    }
}
