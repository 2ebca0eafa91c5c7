package org.fcredirect.policy.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The policy engine. Changes are durable before they return; bad input throws
 * {@link org.fcredirect.flow.api.ValidationException} naming the field, a failed store
 * {@link org.fcredirect.flow.api.NotStoredException}; either way nothing changed. Only the
 * policy engine implements it, so a method added here is a minor change for its callers.
 */
@ProviderType
public interface PolicyService {

    /**
     * Decides for a flow context: the first matching policy in priority order, else the default
     * action. A redirect's appliance is chosen among the group's healthy members that serve the
     * VSAN, by the policy's balancing. Answers from the decision cache when it can.
     */
    Decision evaluate(FlowContext context);

    /**
     * Decides as {@link #evaluate} would from the policies and appliances as they are now, and
     * leaves no trace: the decision cache is neither read nor filled, its statistics and eviction
     * order stay as they were, and no round-robin turn is taken. For what-if questions of
     * operators, never for the flows themselves.
     */
    Decision evaluateDryRun(FlowContext context);

    /**
     * @throws org.fcredirect.flow.api.ValidationException for a name in use, or a policy of the
     *         same priority whose match overlaps (field {@code priority})
     */
    void add(Policy policy);

    /**
     * Replaces the policy of the same name.
     *
     * @throws org.fcredirect.flow.api.NotFoundException when there is none
     */
    void update(Policy policy);

    /** @throws org.fcredirect.flow.api.NotFoundException for an unknown name */
    void remove(String name);

    Optional<Policy> get(String name);

    /** The policies in evaluation order: by priority, then name. */
    List<Policy> list();

    CacheStatistics cacheStatistics();

    void addListener(PolicyListener listener);

    void removeListener(PolicyListener listener);
}
