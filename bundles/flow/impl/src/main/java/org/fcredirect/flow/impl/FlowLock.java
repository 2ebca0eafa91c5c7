package org.fcredirect.flow.impl;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The flow store's locking. Changes are serialized by one lock, held while a change validates,
 * waits for the event log and publishes; the model itself is guarded by a read-write lock taken
 * exclusively only for the short moments a change is applied. So reads wait for no disk, and a
 * change, the only writer, reads the model freely while it holds the change lock.
 */
final class FlowLock {
    private final ReentrantLock changes = new ReentrantLock();
    private final ReentrantReadWriteLock model = new ReentrantReadWriteLock();

    /** Runs a change, one at a time. */
    <T> T change(Supplier<T> body) {
        changes.lock();
        try {
            return body.get();
        } finally {
            changes.unlock();
        }
    }

    /** Mutates the model; only inside {@link #change}. */
    void write(Runnable body) {
        if (!changes.isHeldByCurrentThread()) {
            throw new IllegalStateException("the flow model changes only inside a change");
        }
        model.writeLock().lock();
        try {
            body.run();
        } finally {
            model.writeLock().unlock();
        }
    }

    <T> T read(Supplier<T> body) {
        model.readLock().lock();
        try {
            return body.get();
        } finally {
            model.readLock().unlock();
        }
    }
}
