package org.fcredirect.fastpath.impl;

import java.util.Arrays;

import org.fcredirect.fastpath.api.RuleBatch;

/**
 * Splits accepted rule batches into one update per worker, by the shard of each rule's match
 * addresses, and watches generations: a reset batch starts a new sequence, the next must be one
 * higher, a higher one means batches were lost (a gap, counted, the batch still applied since it
 * is the newest truth), a lower or equal one is a repeat (counted and refused). Called by the
 * publisher's thread under the manager's control lock.
 */
final class RuleFanout {
    /** What {@link #check} made of a batch's generation. */
    enum Verdict { NEXT, FIRST, RESET, GAP, REPEAT }

    // written under the manager's control lock, read by status at any time
    private volatile long generation = -1;
    private volatile long sequence;
    private volatile long batches;
    private volatile long gaps;
    private volatile long repeats;

    Verdict check(RuleBatch batch) {
        long g = batch.generation();
        if (batch.reset()) {
            return generation < 0 ? Verdict.FIRST : Verdict.RESET;
        }
        if (generation < 0) {
            return Verdict.GAP;
        }
        if (g == generation + 1) {
            return Verdict.NEXT;
        }
        return g > generation ? Verdict.GAP : Verdict.REPEAT;
    }

    /** Records an accepted batch and returns its updates, one per worker. */
    RuleUpdate[] accept(RuleBatch batch, Verdict verdict, int workers) {
        if (verdict == Verdict.GAP) {
            gaps += generation < 0 ? 1 : batch.generation() - generation - 1;
        }
        generation = batch.generation();
        batches++;
        return split(batch, ++sequence, workers);
    }

    void refuse() {
        repeats++;
    }

    static RuleUpdate[] split(RuleBatch batch, long sequence, int workers) {
        int n = batch.size();
        int[] shard = new int[n];
        int[] count = new int[workers];
        long[] touched = new long[n + batch.removedFlowCount()];
        for (int i = 0; i < n; i++) {
            shard[i] = Keys.shard(batch.vsan(i), batch.matchSid(i), batch.matchDid(i), workers);
            count[shard[i]]++;
            touched[i] = batch.flowId(i);
        }
        for (int i = 0; i < batch.removedFlowCount(); i++) {
            touched[n + i] = batch.removedFlow(i);
        }
        long[] retired = Arrays.stream(touched).sorted().distinct().toArray();
        RuleUpdate[] updates = new RuleUpdate[workers];
        int[] fill = new int[workers];
        for (int w = 0; w < workers; w++) {
            updates[w] = new RuleUpdate(sequence, batch.generation(), batch.reset(), retired, new long[count[w]],
                    new long[count[w]], new long[count[w]], new long[count[w]]);
        }
        for (int i = 0; i < n; i++) {
            RuleUpdate u = updates[shard[i]];
            int j = fill[shard[i]]++;
            u.keys[j] = Keys.pack(batch.vsan(i), batch.matchSid(i), batch.matchDid(i));
            u.luns[j] = batch.lun(i);
            u.values[j] = LegValue.of(batch.matchSid(i), batch.newSid(i), batch.newDid(i), batch.actionCode(i));
            u.flowIds[j] = batch.flowId(i);
        }
        return updates;
    }

    long generation() {
        return generation;
    }

    long sequence() {
        return sequence;
    }

    long batches() {
        return batches;
    }

    long gaps() {
        return gaps;
    }

    long repeats() {
        return repeats;
    }
}
