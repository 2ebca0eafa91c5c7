package org.fcredirect.fastpath.api;

/**
 * The punt path's figures, summed over the workers.
 *
 * @param punted frames copied into a punt queue
 * @param dropped frames not punted because their worker's punt queue was full
 * @param drained frames handed to the control plane
 * @param queued frames waiting in the queues
 */
public record PuntBacklog(long punted, long dropped, long drained, long queued) {
}
