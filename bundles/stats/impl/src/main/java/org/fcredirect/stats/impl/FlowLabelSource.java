package org.fcredirect.stats.impl;

import org.fcredirect.stats.api.FlowLabels;

/** What a flow is grouped by; {@link FlowLabels#UNKNOWN_FLOW} when that is not known. */
interface FlowLabelSource {
    FlowLabels labels(long flowId);
}
