package org.fcredirect.fastpath.impl;

/** What a frame source needs from the fast path around it. */
interface SourceHost {

    /** Attaches a source to the current pipeline; the source must {@link #close} it. */
    Dispatcher open(String source);

    /** Detaches a source (waiting briefly for its batches in flight). */
    void close(Dispatcher dispatcher);

    /** Waits until every rule batch accepted so far is applied by every worker; false on timeout. */
    boolean awaitRules(long timeoutMillis) throws InterruptedException;
}
