package org.fcredirect.policy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.ValidationException;
import org.junit.jupiter.api.Test;

class PolicyMatchTest {
    private static final Wwn I = Wwn.parse("20:00:00:25:b5:00:00:01");
    private static final Wwn T = Wwn.parse("50:06:01:60:3b:20:19:5e");

    @Test
    void lunRangesMatchOnlyNarrowedFlowsUnlessAny() {
        LunRange r = LunRange.parse("0-9");
        assertTrue(r.matches(OptionalInt.of(9)));
        assertFalse(r.matches(OptionalInt.of(10)));
        assertFalse(r.matches(OptionalInt.empty()));
        assertTrue(LunRange.any().matches(OptionalInt.empty()));
        assertTrue(r.overlaps(LunRange.parse("9-20")));
        assertFalse(r.overlaps(LunRange.parse("10")));
        assertTrue(r.overlaps(LunRange.any()));
        assertEquals("lun", assertThrows(ValidationException.class, () -> LunRange.parse("5-1")).field());
        assertThrows(ValidationException.class, () -> LunRange.parse("x"));
        assertEquals(r, LunRange.parse(r.toString()));
    }

    @Test
    void matchesNeedEveryPartAndOverlapsNeedEveryPartToOverlap() {
        PolicyMatch m = PolicyMatch.of(Set.of(VsanId.of(10)), WwnPattern.parse("i", "20:00:*"), WwnPattern.exact(T),
                LunRange.any());
        assertTrue(m.matches(FlowContext.of(VsanId.of(10), I, T)));
        assertFalse(m.matches(FlowContext.of(VsanId.of(11), I, T)));
        assertTrue(m.overlaps(PolicyMatch.all()));
        assertFalse(m.overlaps(PolicyMatch.of(Set.of(VsanId.of(11)), WwnPattern.any(), WwnPattern.any(), LunRange.any())));
        assertFalse(m.overlaps(PolicyMatch.of(Set.of(), WwnPattern.parse("i", "21:*"), WwnPattern.any(), LunRange.any())));
        assertEquals(Set.of(), PolicyMatch.parseVsans("*"));
        assertEquals("vsan", assertThrows(ValidationException.class, () -> PolicyMatch.parseVsans("1,,2")).field());
    }

    @Test
    void aRedirectDecisionCarriesGroupBalancingAndFailover() {
        Policy p = Policy.builder("enc").redirect("g", Balancing.ROUND_ROBIN).failover(FailoverMode.BLOCK).build();
        Decision d = Decision.of(p, Optional.of("a1"));
        assertEquals(FlowAction.REDIRECT, d.action());
        assertTrue(d.matched());
        assertTrue(d.toString().contains("appliance=a1"), d.toString());
        assertThrows(IllegalArgumentException.class, () -> Decision.noMatch(FlowAction.REDIRECT));
        assertEquals(Balancing.LEAST_LOADED, Balancing.parse("least-loaded"));
        assertEquals("round-robin", Balancing.ROUND_ROBIN.toString());
    }
}
