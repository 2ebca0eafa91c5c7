package org.fcredirect.storage.api;

/**
 * Receives the events of a subscription on a thread the log owns, one at a time, in sequence
 * order, each exactly once. A slow subscriber delays only itself.
 */
@FunctionalInterface
public interface Subscriber {
    void onEvent(StoredEvent event);

    /**
     * The subscription has ended without being closed by its owner: this subscriber threw, the
     * events it needs were compacted away, the log failed or was closed. No event follows.
     */
    default void onError(StorageException error) {
    }
}
