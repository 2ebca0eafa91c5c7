package org.fcredirect.traffic.api;

/** Hears how a capture replay advances, a few times a second, on the replaying thread. */
@FunctionalInterface
public interface ReplayListener {

    /** A listener that ignores progress. */
    ReplayListener NONE = p -> { };

    void progress(ReplayProgress progress);
}
