package org.fcredirect.jmx;

import java.util.function.Supplier;

/**
 * Runs an MBean operation so that a remote console can show its failure: the service's own
 * exception types are not on a console's class path, so their message travels in a JDK type.
 */
final class Operations {
    private Operations() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
