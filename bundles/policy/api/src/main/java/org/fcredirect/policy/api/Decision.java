package org.fcredirect.policy.api;

import java.util.Objects;
import java.util.Optional;

import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;

/**
 * What the policies decided for a flow context.
 *
 * @param action redirect, permit or drop
 * @param policy the policy that matched; empty when none did and the default action applied
 * @param group for a redirect, the appliance group
 * @param appliance for a redirect, the member the balancing chose; empty when the group has no
 *        healthy member serving the flow's VSAN
 * @param balancing for a redirect, how the member was chosen
 * @param failover for a redirect, the policy's failover mode
 */
public record Decision(FlowAction action, Optional<String> policy, Optional<String> group, Optional<String> appliance,
        Optional<Balancing> balancing, Optional<FailoverMode> failover) {

    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(appliance, "appliance");
        Objects.requireNonNull(balancing, "balancing");
        Objects.requireNonNull(failover, "failover");
        if (action == FlowAction.REDIRECT && (group.isEmpty() || balancing.isEmpty() || failover.isEmpty())) {
            throw new IllegalArgumentException("a redirect decision names its group, balancing and failover mode");
        }
    }

    /** The default action, when no policy matched. */
    public static Decision noMatch(FlowAction defaultAction) {
        if (defaultAction == FlowAction.REDIRECT) {
            throw new IllegalArgumentException("the default action is permit or drop");
        }
        return new Decision(defaultAction, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static Decision of(Policy p, Optional<String> appliance) {
        if (p.action() != FlowAction.REDIRECT) {
            return new Decision(p.action(), Optional.of(p.name()), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        return new Decision(FlowAction.REDIRECT, Optional.of(p.name()), p.group(), appliance, p.balancing(),
                Optional.of(p.failover()));
    }

    /** {@code true} when a policy matched; {@code false} for the default action. */
    public boolean matched() {
        return policy.isPresent();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(action.toString());
        group.ifPresent(g -> sb.append(" group=").append(g));
        if (action == FlowAction.REDIRECT) {
            sb.append(" appliance=").append(appliance.orElse("(none available)"));
        }
        balancing.ifPresent(b -> sb.append(" balancing=").append(b));
        failover.ifPresent(f -> sb.append(" failover=").append(f));
        sb.append(policy.map(p -> " by policy " + p).orElse(" by default (no policy matched)"));
        return sb.toString();
    }
}
