package org.fcredirect.fastpath.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuleBatchTest {

    @Test
    void columnsHoldWhatWasAdded() {
        List<RewriteRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rules.add(RewriteRule.rewrite(i, 10, 0x010100 + i, 0x020200, RewriteRule.ANY_LUN, 0x010100 + i, 0x030300));
        }
        rules.add(RewriteRule.permit(500, 20, 0x010101, 0x020202, 5L << 48));
        rules.add(RewriteRule.drop(501, 20, 0x010102, 0x020202, RewriteRule.ANY_LUN));
        RuleBatch batch = RuleBatch.builder().addAll(rules).remove(900).reset().build(7);
        assertEquals(7, batch.generation());
        assertTrue(batch.reset());
        assertArrayEquals(new long[] {900}, batch.removedFlows());
        assertEquals(rules, batch.rules());
        assertEquals(0x030300, batch.newDid(3));
        assertEquals(RuleAction.PERMIT.code(), batch.actionCode(100));
        assertEquals(5L << 48, batch.lun(100));
    }

    @Test
    void emptyBatchIsEmpty() {
        assertTrue(RuleBatch.builder().build(1).isEmpty());
        assertFalse(RuleBatch.builder().reset().build(1).isEmpty());
    }

    @Test
    void aFlowCannotBeRemovedAndGivenRulesInOneBatch() {
        RuleBatch.Builder b = RuleBatch.builder().add(RewriteRule.permit(3, 1, 1, 2, RewriteRule.ANY_LUN)).remove(3);
        assertThrows(IllegalArgumentException.class, () -> b.build(1));
    }

    @Test
    void rulesRefuseBadFields() {
        assertThrows(IllegalArgumentException.class, () -> RewriteRule.permit(1, 0, 1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> RewriteRule.permit(1, 4095, 1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> RewriteRule.permit(1, 1, 0x1000000, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> new RewriteRule(1, 1, 1, 2, -1, 3, 2, RuleAction.DROP));
        assertThrows(IllegalArgumentException.class, () -> new RewriteRule(1, 1, 1, 2, -1, 1, 2, null));
    }

    @Test
    void actionCodesRoundTrip() {
        for (RuleAction a : RuleAction.values()) {
            assertEquals(a, RuleAction.ofCode(a.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> RuleAction.ofCode(9));
    }
}
