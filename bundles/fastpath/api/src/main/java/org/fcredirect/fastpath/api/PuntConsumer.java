package org.fcredirect.fastpath.api;

/** Receives punted control frames; the argument is a view the fast path reuses. */
public interface PuntConsumer {

    void punted(PuntedFrame frame);
}
