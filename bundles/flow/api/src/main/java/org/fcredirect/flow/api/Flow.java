package org.fcredirect.flow.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.fcredirect.fc.FcId;

/**
 * A flow as the flow manager holds it.
 *
 * @param action what was decided: by the spec's appliance, a policy, or the default
 * @param policy the policy that decided; empty when the spec named an appliance or no policy matched
 * @param group the appliance group of a redirect
 * @param homeAppliance the appliance the decision chose for a redirect (empty when the group had
 *        no appliance to offer at the time)
 * @param appliance the appliance carrying the flow now: the home one, a standby after a failover,
 *        or empty
 * @param failover the failover mode in force: the spec's, else the policy's, else the default
 * @param initiatorFcid while the initiator is logged in
 * @param targetFcid while the target is logged in
 * @param virtualTarget the VT standing for the flow's target on the appliance carrying it
 * @param virtualInitiator the VI standing for the flow's host on the appliance carrying it
 * @param issue why a redirect placed on an appliance is not in force as asked (its pool has no free
 *        address, or its fixed VT/VI make it conflict with another flow); empty when none
 */
public record Flow(FlowId id, FlowSpec spec, FlowState state, FlowAction action, Optional<String> policy,
        Optional<String> group, Optional<String> homeAppliance, Optional<String> appliance, FailoverMode failover,
        Optional<FcId> initiatorFcid, Optional<FcId> targetFcid, Instant created, Instant updated,
        Optional<VirtualAddress> virtualTarget, Optional<VirtualAddress> virtualInitiator, Optional<String> issue) {

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(homeAppliance, "homeAppliance");
        Objects.requireNonNull(appliance, "appliance");
        Objects.requireNonNull(failover, "failover");
        Objects.requireNonNull(initiatorFcid, "initiatorFcid");
        Objects.requireNonNull(targetFcid, "targetFcid");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(virtualTarget, "virtualTarget");
        Objects.requireNonNull(virtualInitiator, "virtualInitiator");
        Objects.requireNonNull(issue, "issue");
    }

    /** A flow without virtual ports or issue, as before pools. */
    public Flow(FlowId id, FlowSpec spec, FlowState state, FlowAction action, Optional<String> policy,
            Optional<String> group, Optional<String> homeAppliance, Optional<String> appliance, FailoverMode failover,
            Optional<FcId> initiatorFcid, Optional<FcId> targetFcid, Instant created, Instant updated) {
        this(id, spec, state, action, policy, group, homeAppliance, appliance, failover, initiatorFcid, targetFcid,
                created, updated, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code true} while the flow is carried by a standby instead of its home appliance. */
    public boolean failedOver() {
        return appliance.isPresent() && !appliance.equals(homeAppliance);
    }
}
