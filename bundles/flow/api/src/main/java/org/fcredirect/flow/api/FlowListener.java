package org.fcredirect.flow.api;

/**
 * Told of flow changes, one event at a time, in the order the changes were made, on a thread of
 * the flow manager's (never the caller's of the change). A slow listener delays only later events.
 */
@FunctionalInterface
public interface FlowListener {
    void onEvent(FlowEvent event);
}
