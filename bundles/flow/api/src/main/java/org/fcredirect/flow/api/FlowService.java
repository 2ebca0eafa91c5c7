package org.fcredirect.flow.api;

import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * Flows and their redirects. A flow is decided when it is created (its spec's appliance, else the
 * policies, else the default), and its state follows the login table and its appliance's health.
 * Every change method returns once the change is durable; it throws {@link ValidationException}
 * for bad input and {@link NotStoredException} when the event log failed, and in both cases
 * nothing changed.
 */
public interface FlowService {

    /**
     * Creates a flow.
     *
     * @throws ValidationException for a flow that exists already (same VSAN, initiator, target and
     *         LUN), an unknown appliance, or one without ports in the flow's VSAN
     */
    FlowId create(FlowSpec spec);

    /** @throws NotFoundException for an unknown id */
    void delete(FlowId id);

    Optional<Flow> get(FlowId id);

    /** The flow of a VSAN, initiator, target and LUN (empty LUN: the whole pair), if it exists. */
    Optional<Flow> find(VsanId vsan, Wwn initiator, Wwn target, OptionalInt lun);

    /**
     * @param offset matching flows to skip, in id order
     * @param limit most flows to return, at least 1
     */
    FlowPage list(FlowFilter filter, int offset, int limit);

    long count(FlowFilter filter);

    /** Flows per state, every state present (zero when none). */
    Map<FlowState, Long> countByState();

    /**
     * The flow's compiled rules: four rewrites while ACTIVE, two permits while DIRECT or BYPASSED,
     * two drops while DROPPED or BLOCKED, none while PENDING.
     *
     * @throws NotFoundException for an unknown id
     */
    List<RewriteRule> rules(FlowId id);

    /**
     * Creates every flow of a CSV or JSON text ({@link FlowFormat}) as one change: a line at fault
     * refuses the whole input and nothing is created.
     *
     * @throws ImportException naming the line and the field at fault
     */
    ImportResult importFlows(Reader input, FlowFormat format);

    /** Writes the specs of the matching flows in id order, in a form {@link #importFlows} reads back. */
    void exportFlows(FlowFilter filter, FlowFormat format, Writer output);

    void addListener(FlowListener listener);

    void removeListener(FlowListener listener);
}
