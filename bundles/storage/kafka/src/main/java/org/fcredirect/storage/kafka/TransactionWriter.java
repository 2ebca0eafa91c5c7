package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.fcredirect.storage.api.StorageException;

/**
 * The one thread that writes: it takes the appends waiting and commits them in one Kafka
 * transaction, so each {@code appendAll} is atomic and a burst of appends shares one commit. A
 * write is acknowledged only after {@code commitTransaction} returned, i.e. once every replica
 * {@code min.insync.replicas} asks for holds it. On any error the transaction's writes fail with
 * the reason and the producer is made anew, whose {@code initTransactions} finishes or aborts
 * whatever the broken one left open; until it connects, appends fail at once with the reason.
 */
final class TransactionWriter implements Runnable {
    private static final int QUEUE_CAPACITY = 16_384;
    private static final long RETRY_MILLIS = 1000;

    private final KafkaClients clients;
    private final LogHealth health;
    private final CommitMeter meter;
    private final BlockingQueue<PendingWrite> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean running = true;
    private KafkaProducer<byte[], byte[]> producer;
    private PendingWrite carried;

    TransactionWriter(KafkaClients clients, LogHealth health, CommitMeter meter) {
        this.clients = clients;
        this.health = health;
        this.meter = meter;
        this.thread = new Thread(this, "fcr-kafka-writer-" + clients.settings().nodeId());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a write; fails it at once while Kafka is known to be unavailable or the queue is full. */
    void submit(PendingWrite w) {
        String refusal = health.refusal();
        if (!running) {
            fail(w, "the Kafka event log is closed");
        } else if (refusal != null) {
            fail(w, "Kafka history not available: " + refusal);
        } else if (!queue.offer(w)) {
            fail(w, "the Kafka event log has " + QUEUE_CAPACITY + " writes waiting; the cluster is not keeping up");
        }
    }

    /** Stops the thread, failing what waits, and closes the producer; returns once the thread has ended. */
    void close(Duration wait) {
        running = false;
        thread.interrupt();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                if (producer == null && !connect()) {
                    failWaiting();
                    pause();
                    continue;
                }
                List<PendingWrite> batch = nextBatch();
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            }
        } finally {
            closeProducer();
            failWaiting();
        }
    }

    private boolean connect() {
        Admin admin = clients.admin();
        try {
            int brokers = HistoryTopics.ensure(admin, clients.settings());
            producer = clients.transactionalProducer();
            producer.initTransactions();
            health.ready(brokers);
            return true;
        } catch (StorageException e) {
            health.fault(e.getMessage(), true);
        } catch (RuntimeException e) {
            health.fault("connecting to " + clients.settings() + " failed: " + KafkaErrors.reason(e), true);
        } finally {
            closeUninterrupted(() -> admin.close(Duration.ofMillis(clients.settings().timeoutMillis())));
        }
        closeProducer();
        return false;
    }

    /**
     * A Kafka client closed by an interrupted thread gives up joining its own thread, which then
     * outlives the bundle: close() interrupts this thread, so the flag is cleared for the close.
     */
    private static void closeUninterrupted(Runnable close) {
        boolean interrupted = Thread.interrupted();
        try {
            close.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<PendingWrite> nextBatch() {
        List<PendingWrite> batch = new ArrayList<>();
        int events = 0;
        PendingWrite w = carried;
        carried = null;
        try {
            if (w == null) {
                w = queue.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            return batch;
        }
        int max = clients.settings().maxEventsPerTransaction();
        while (w != null) {
            if (!batch.isEmpty() && events + w.records().size() > max) {
                carried = w;
                break;
            }
            batch.add(w);
            events += w.records().size();
            w = queue.poll();
        }
        return batch;
    }

    private void commit(List<PendingWrite> batch) {
        long start = System.nanoTime();
        List<List<Future<RecordMetadata>>> sent = new ArrayList<>(batch.size());
        try {
            producer.beginTransaction();
            for (PendingWrite w : batch) {
                List<Future<RecordMetadata>> fs = new ArrayList<>(w.records().size());
                for (var r : w.records()) {
                    fs.add(producer.send(r));
                }
                sent.add(fs);
            }
            commitWithinTwoTimeouts();
        } catch (TimeoutException e) {
            failAll(batch, "the Kafka commit got no answer within " + 2L * clients.settings().timeoutMillis()
                    + " ms; the change may or may not be in the history: " + KafkaErrors.reason(e));
            return;
        } catch (RuntimeException e) {
            failAll(batch, "Kafka refused the write: " + KafkaErrors.reason(firstSendError(sent, e)));
            return;
        }
        int events = 0;
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(metadata(sent.get(i)));
            events += batch.get(i).eventCount();
        }
        meter.record(start, System.nanoTime(), events);
        health.writing();
    }

    /**
     * A broker's loss moves the transaction coordinator and partition leaders within the brokers'
     * session timeout, which can outlast one timeout: a timed-out commit may be retried (Kafka
     * then waits on the same commit), once.
     */
    private void commitWithinTwoTimeouts() {
        try {
            producer.commitTransaction();
        } catch (TimeoutException first) {
            producer.commitTransaction();
        }
    }

    /** A failed send says more (e.g. NOT_ENOUGH_REPLICAS) than the commit that failed because of it. */
    private static Throwable firstSendError(List<List<Future<RecordMetadata>>> sent, RuntimeException commitError) {
        for (List<Future<RecordMetadata>> fs : sent) {
            for (Future<RecordMetadata> f : fs) {
                if (f.isDone()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        return e.getCause();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return commitError;
                    }
                }
            }
        }
        return commitError;
    }

    /** Every send of a committed transaction has completed, so this does not wait. */
    private static List<RecordMetadata> metadata(List<Future<RecordMetadata>> fs) {
        List<RecordMetadata> out = new ArrayList<>(fs.size());
        for (Future<RecordMetadata> f : fs) {
            try {
                out.add(f.get());
            } catch (ExecutionException | InterruptedException e) {
                throw new IllegalStateException("a send of a committed transaction has no result", e);
            }
        }
        return out;
    }

    private void failAll(List<PendingWrite> batch, String reason) {
        health.fault(reason, true);
        closeProducer();
        for (PendingWrite w : batch) {
            fail(w, reason);
        }
    }

    private void fail(PendingWrite w, String reason) {
        health.failed(w.eventCount());
        w.done().completeExceptionally(new StorageException(reason));
    }

    private void failWaiting() {
        String reason = running ? "Kafka history not available: " + health.lastError() : "the Kafka event log is closed";
        if (carried != null) {
            fail(carried, reason);
            carried = null;
        }
        PendingWrite w;
        while ((w = queue.poll()) != null) {
            fail(w, reason);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            // close() interrupts to end the wait; the loop sees running == false
        }
    }

    private void closeProducer() {
        if (producer != null) {
            KafkaProducer<byte[], byte[]> p = producer;
            producer = null;
            try {
                closeUninterrupted(() -> p.close(Duration.ZERO));
            } catch (RuntimeException e) {
                health.fault("closing the Kafka producer: " + KafkaErrors.reason(e), true);
            }
        }
    }
}
