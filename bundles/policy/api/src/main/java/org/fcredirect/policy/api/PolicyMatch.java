package org.fcredirect.policy.api;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.VsanId;
import org.fcredirect.flow.api.ValidationException;

/**
 * Which flows a policy applies to: a set of VSANs (empty: any), initiator and target name
 * patterns, and a LUN range. A flow matches when every part does.
 */
public final class PolicyMatch {
    private static final PolicyMatch ALL = new PolicyMatch(Set.of(), WwnPattern.any(), WwnPattern.any(), LunRange.any());

    private final SortedSet<VsanId> vsans;
    private final WwnPattern initiator;
    private final WwnPattern target;
    private final LunRange lun;

    private PolicyMatch(Set<VsanId> vsans, WwnPattern initiator, WwnPattern target, LunRange lun) {
        this.vsans = Collections.unmodifiableSortedSet(new TreeSet<>(vsans));
        this.initiator = Objects.requireNonNull(initiator, "initiator");
        this.target = Objects.requireNonNull(target, "target");
        this.lun = Objects.requireNonNull(lun, "lun");
    }

    /** Every flow. */
    public static PolicyMatch all() {
        return ALL;
    }

    /**
     * @param vsans empty for any VSAN
     * @throws ValidationException when the match can match no flow: the same exact name as
     *         initiator and target (a flow joins two different ports)
     */
    public static PolicyMatch of(Set<VsanId> vsans, WwnPattern initiator, WwnPattern target, LunRange lun) {
        if (initiator.isExact() && initiator.equals(target)) {
            throw new ValidationException("target", target, "matches nothing: it is the exact initiator too");
        }
        return new PolicyMatch(vsans, initiator, target, lun);
    }

    /** Parses {@code *} or a comma-separated list of VSAN numbers, e.g. {@code 10,20}. */
    public static Set<VsanId> parseVsans(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equals("*") || s.equalsIgnoreCase("any")) {
            return Set.of();
        }
        Set<VsanId> set = new TreeSet<>();
        for (String part : s.split(",", -1)) {
            try {
                set.add(VsanId.parse(part));
            } catch (FcFormatException e) {
                throw new ValidationException("vsan", e);
            }
        }
        return set;
    }

    /** The VSANs; empty for any. */
    public SortedSet<VsanId> vsans() {
        return vsans;
    }

    public WwnPattern initiator() {
        return initiator;
    }

    public WwnPattern target() {
        return target;
    }

    public LunRange lun() {
        return lun;
    }

    public boolean matches(FlowContext c) {
        return (vsans.isEmpty() || vsans.contains(c.vsan())) && initiator.matches(c.initiator())
                && target.matches(c.target()) && lun.matches(c.lun());
    }

    /** {@code true} when some flow matches both. */
    public boolean overlaps(PolicyMatch o) {
        boolean vsanOverlap = vsans.isEmpty() || o.vsans.isEmpty() || vsans.stream().anyMatch(o.vsans::contains);
        return vsanOverlap && initiator.overlaps(o.initiator) && target.overlaps(o.target) && lun.overlaps(o.lun);
    }

    /** The VSANs in the form {@link #parseVsans} reads. */
    public String vsansText() {
        return vsans.isEmpty() ? "*" : vsans.stream().map(VsanId::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyMatch m && vsans.equals(m.vsans) && initiator.equals(m.initiator)
                && target.equals(m.target) && lun.equals(m.lun);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vsans, initiator, target, lun);
    }

    @Override
    public String toString() {
        return "vsan=" + vsansText() + " initiator=" + initiator + " target=" + target + " lun=" + lun;
    }
}
