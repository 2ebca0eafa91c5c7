package org.fcredirect.traffic.impl;

import java.util.List;

/** Where the traffic generator's ports, appliances and flows are declared, so that rules for them reach the fast path. */
interface FabricDirectory {

    /** How status names it. */
    String name();

    /**
     * Declares the topology (reusing what an earlier run left) and returns each flow's id by flow
     * index, once the flows are decided. Sets {@code routes} to where each flow goes now (on the
     * calling thread) and, until {@link #unfollow}, tells it where flows move (from any thread).
     *
     * @throws IllegalStateException when something in the way cannot be reused (says what)
     */
    long[] setUp(TrafficTopology topology, FlowRoutes routes);

    /** Stops telling the routes of {@link #setUp} about moves; the run has ended. */
    default void unfollow() {
    }

    /** Removes what {@link #setUp} declared. */
    void tearDown(TrafficTopology topology, long[] flowIds);

    /** Frames the directory sent through the fast path itself so far (the ports' fabric logins and logouts). */
    default long framesSent() {
        return 0;
    }

    /**
     * The appliances {@link #setUp} declared where the monitor sees them (an appliance inventory),
     * by name: the generator heartbeats them. None by default: rules alone declare no appliance.
     */
    default List<String> appliances(TrafficTopology topology) {
        return List.of();
    }
}
