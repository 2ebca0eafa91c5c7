package org.fcredirect.policy.api;

/**
 * Told of policy changes after they are durable and the decision cache has dropped what they
 * affect, on the thread that made the change and before that change returns, so that when an
 * operator's policy change returns the flows it affects are already decided again. A listener
 * must not change policies.
 */
@FunctionalInterface
public interface PolicyListener {
    void onEvent(PolicyEvent event);
}
