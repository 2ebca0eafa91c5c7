package org.fcredirect.bench.fastpath;

/** How a benchmark source waits for its batches or frames to come back: spin, then give the core away. */
final class Waits {
    private static final int SPINS = 100;

    private Waits() {
    }

    static void pause(int waitsSoFar) {
        if (waitsSoFar < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
