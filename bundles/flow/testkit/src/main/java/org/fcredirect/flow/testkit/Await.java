package org.fcredirect.flow.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition no latch can signal, with a deadline; tests never sleep a fixed time. */
public final class Await {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits up to 10 s. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_TIMEOUT, condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** @param state what the failure message adds, read only on a timeout */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                String s = state.get();
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what
                        + (s.isEmpty() ? "" : "; " + s));
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
