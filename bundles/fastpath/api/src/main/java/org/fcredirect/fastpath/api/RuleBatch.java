package org.fcredirect.fastpath.api;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A change to the fast path's rule table, as columns of primitives (one array per field) so it can
 * be applied without a per-rule object. Applying a batch means, in this order:
 * <ol>
 * <li>when {@link #reset()} is set, drop every rule (the first batch of a full table);</li>
 * <li>drop every rule of each flow in {@link #removedFlows()};</li>
 * <li>for each flow that has rules in this batch, replace all its rules by them.</li>
 * </ol>
 * A flow is never both removed and given rules in one batch. Generations increase by one from
 * batch to batch of one publisher, so a gap or a repeat shows a lost or doubled batch.
 */
public final class RuleBatch {
    private final long generation;
    private final boolean reset;
    private final long[] removedFlows;
    private final long[] flowId;
    private final int[] vsan;
    private final int[] matchSid;
    private final int[] matchDid;
    private final long[] lun;
    private final int[] newSid;
    private final int[] newDid;
    private final byte[] action;

    private RuleBatch(Builder b, long generation) {
        this.generation = generation;
        this.reset = b.reset;
        this.removedFlows = Arrays.copyOf(b.removed, b.removedCount);
        int n = b.size;
        this.flowId = Arrays.copyOf(b.flowId, n);
        this.vsan = Arrays.copyOf(b.vsan, n);
        this.matchSid = Arrays.copyOf(b.matchSid, n);
        this.matchDid = Arrays.copyOf(b.matchDid, n);
        this.lun = Arrays.copyOf(b.lun, n);
        this.newSid = Arrays.copyOf(b.newSid, n);
        this.newDid = Arrays.copyOf(b.newDid, n);
        this.action = Arrays.copyOf(b.action, n);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long generation() {
        return generation;
    }

    /** {@code true}: drop every rule before applying this batch. */
    public boolean reset() {
        return reset;
    }

    /** Flows whose rules all go (a copy). */
    public long[] removedFlows() {
        return removedFlows.clone();
    }

    public int removedFlowCount() {
        return removedFlows.length;
    }

    public long removedFlow(int i) {
        return removedFlows[i];
    }

    /** Number of rules in the batch. */
    public int size() {
        return flowId.length;
    }

    public boolean isEmpty() {
        return flowId.length == 0 && removedFlows.length == 0 && !reset;
    }

    public long flowId(int i) {
        return flowId[i];
    }

    public int vsan(int i) {
        return vsan[i];
    }

    public int matchSid(int i) {
        return matchSid[i];
    }

    public int matchDid(int i) {
        return matchDid[i];
    }

    public long lun(int i) {
        return lun[i];
    }

    public int newSid(int i) {
        return newSid[i];
    }

    public int newDid(int i) {
        return newDid[i];
    }

    /** {@link RuleAction#code()} of rule {@code i}. */
    public byte actionCode(int i) {
        return action[i];
    }

    public RuleAction action(int i) {
        return RuleAction.ofCode(action[i]);
    }

    /** Rule {@code i} as a value (allocates; for the control plane and tests, not the hot path). */
    public RewriteRule rule(int i) {
        return new RewriteRule(flowId[i], vsan[i], matchSid[i], matchDid[i], lun[i], newSid[i], newDid[i], action(i));
    }

    /** The rules as a list view of values, each made on access. */
    public List<RewriteRule> rules() {
        return new AbstractList<>() {
            @Override
            public RewriteRule get(int i) {
                return rule(i);
            }

            @Override
            public int size() {
                return RuleBatch.this.size();
            }
        };
    }

    @Override
    public String toString() {
        return "RuleBatch[generation " + generation + (reset ? ", reset" : "") + ", " + size() + " rules, "
                + removedFlows.length + " flows removed]";
    }

    /** Collects rules and removals; not thread-safe. */
    public static final class Builder {
        private boolean reset;
        private long[] removed = new long[8];
        private int removedCount;
        private long[] flowId = new long[16];
        private int[] vsan = new int[16];
        private int[] matchSid = new int[16];
        private int[] matchDid = new int[16];
        private long[] lun = new long[16];
        private int[] newSid = new int[16];
        private int[] newDid = new int[16];
        private byte[] action = new byte[16];
        private int size;

        private Builder() {
        }

        /** Drop every rule first: the batch starts a full table. */
        public Builder reset() {
            reset = true;
            return this;
        }

        public Builder remove(long flow) {
            if (removedCount == removed.length) {
                removed = Arrays.copyOf(removed, removedCount * 2);
            }
            removed[removedCount++] = flow;
            return this;
        }

        public Builder add(RewriteRule r) {
            if (size == flowId.length) {
                grow();
            }
            flowId[size] = r.flowId();
            vsan[size] = r.vsan();
            matchSid[size] = r.matchSid();
            matchDid[size] = r.matchDid();
            lun[size] = r.lun();
            newSid[size] = r.newSid();
            newDid[size] = r.newDid();
            action[size] = r.action().code();
            size++;
            return this;
        }

        public Builder addAll(List<RewriteRule> rules) {
            rules.forEach(this::add);
            return this;
        }

        /** Rules added so far. */
        public int size() {
            return size;
        }

        private void grow() {
            int n = size * 2;
            flowId = Arrays.copyOf(flowId, n);
            vsan = Arrays.copyOf(vsan, n);
            matchSid = Arrays.copyOf(matchSid, n);
            matchDid = Arrays.copyOf(matchDid, n);
            lun = Arrays.copyOf(lun, n);
            newSid = Arrays.copyOf(newSid, n);
            newDid = Arrays.copyOf(newDid, n);
            action = Arrays.copyOf(action, n);
        }

        /**
         * @param generation the publisher's next generation number
         * @throws IllegalArgumentException when a flow is both removed and given rules
         */
        public RuleBatch build(long generation) {
            if (removedCount > 0 && size > 0) {
                long[] gone = Arrays.copyOf(removed, removedCount);
                Arrays.sort(gone);
                for (int i = 0; i < size; i++) {
                    if (Arrays.binarySearch(gone, flowId[i]) >= 0) {
                        throw new IllegalArgumentException("flow " + flowId[i] + " is both removed and given rules in one batch");
                    }
                }
            }
            return new RuleBatch(this, generation);
        }
    }
}
