package org.fcredirect.fastpath.api;

/**
 * The fast path's control-frame output (the punt path), registered as a service by the fast path.
 * Workers recognise fabric logins (ELS FLOGI, FDISC, PLOGI, LOGO and the LS_ACC / LS_RJT replies),
 * copy them into preallocated slots of a bounded queue each and forward them as any other frame;
 * a frame that finds its worker's queue full is not punted and is counted in
 * {@link PuntBacklog#dropped()}. The method names differ from {@link StatsSource}'s, as the fast path
 * implements both. The control plane drains here on its own thread.
 */
public interface PuntSource {

    /**
     * Hands up to {@code maxFrames} punted frames to {@code consumer}, in each worker's order, and
     * returns how many it handed over. Callers are serialized. A frame whose callback throws is
     * not handed over again; the exception propagates.
     *
     * @param maxFrames at least 1
     */
    int drainPunted(PuntConsumer consumer, int maxFrames);

    PuntBacklog puntBacklog();
}
