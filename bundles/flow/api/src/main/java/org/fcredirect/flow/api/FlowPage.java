package org.fcredirect.flow.api;

import java.util.List;

/**
 * One page of a listing, in flow id order.
 *
 * @param flows at most the number asked for
 * @param offset how many matching flows come before this page
 * @param total how many flows match the filter
 */
public record FlowPage(List<Flow> flows, int offset, long total) {
    public FlowPage {
        flows = List.copyOf(flows);
    }

    /** {@code true} when more matching flows follow this page. */
    public boolean hasMore() {
        return offset + (long) flows.size() < total;
    }
}
