package org.fcredirect.fastpath.impl;

import org.jctools.queues.SpscArrayQueue;

/**
 * The path between one frame source and one worker: batches go to the worker on one SPSC ring
 * and come back processed on another. The source is the only producer of the first and consumer
 * of the second, the worker the reverse.
 */
final class Lane {
    final String source;
    final int worker;
    final SpscArrayQueue<LaneBatch> toWorker;
    final SpscArrayQueue<LaneBatch> processed;

    Lane(String source, int worker, int batches) {
        // both rings hold every batch of the lane, so neither offer can fail
        this(source, worker, new SpscArrayQueue<>(batches), new SpscArrayQueue<>(batches));
    }

    /** With rings of the caller's, so a test can hold a worker inside a round. */
    Lane(String source, int worker, SpscArrayQueue<LaneBatch> toWorker, SpscArrayQueue<LaneBatch> processed) {
        this.source = source;
        this.worker = worker;
        this.toWorker = toWorker;
        this.processed = processed;
    }
}
