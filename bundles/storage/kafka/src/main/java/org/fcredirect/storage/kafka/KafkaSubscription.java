package org.fcredirect.storage.kafka;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.fcredirect.storage.api.StorageException;
import org.fcredirect.storage.api.StoredEvent;
import org.fcredirect.storage.api.StreamFilter;
import org.fcredirect.storage.api.Subscriber;
import org.fcredirect.storage.api.Subscription;

/**
 * One subscriber fed by a consumer and a thread of its own: it reads the history from where it
 * was asked to start and then keeps polling, so it catches up and follows every node's commits
 * the same way, in offset order. A slow subscriber delays only its own consumer. Brokers coming
 * and going are retried by the consumer; only a subscriber that throws, a non-retriable Kafka
 * error or a close ends it.
 */
final class KafkaSubscription implements Subscription, Runnable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients clients;
    private final TopicPartition partition;
    private final StreamFilter streams;
    private final Subscriber subscriber;
    private final Consumer<KafkaSubscription> onEnd;
    private final Thread thread;
    private volatile long next;
    private volatile boolean live;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    KafkaSubscription(KafkaClients clients, TopicPartition partition, StreamFilter streams, long fromSequence,
            Subscriber subscriber, String threadName, Consumer<KafkaSubscription> onEnd) {
        this.clients = clients;
        this.partition = partition;
        this.streams = streams;
        this.subscriber = subscriber;
        this.onEnd = onEnd;
        this.next = Math.max(1, fromSequence);
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        consumer = clients.consumer("subscriber");
        thread.start();
    }

    @Override
    public void run() {
        KafkaConsumer<byte[], byte[]> c = consumer;
        try {
            c.assign(List.of(partition));
            c.seek(partition, RecordFormat.offsetOf(next));
            while (!closed) {
                var records = c.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (closed) {
                        return;
                    }
                    StoredEvent e = RecordFormat.toEvent(r);
                    if (e != null && streams.matches(e.stream()) && !deliver(e)) {
                        return;
                    }
                    next = RecordFormat.sequenceOf(r.offset() + 1);
                }
                OptionalLong lag = c.currentLag(partition);
                live = lag.isPresent() && lag.getAsLong() == 0;
            }
        } catch (WakeupException e) {
            // close() wakes the consumer up; nothing more to deliver
        } catch (KafkaException e) {
            end(new StorageException("the subscription to " + clients.settings() + " failed: " + KafkaErrors.reason(e), e));
        } finally {
            c.close(Duration.ZERO);
            onEnd.accept(this);
        }
    }

    private boolean deliver(StoredEvent e) {
        try {
            subscriber.onEvent(e);
            return true;
        } catch (RuntimeException | Error x) {
            end(new StorageException("the subscriber threw at sequence " + e.sequence() + ": " + x, x));
            return false;
        }
    }

    private void end(StorageException error) {
        if (!closed) {
            closed = true;
            subscriber.onError(error);
        }
    }

    /** The log is closing: ends the subscription with that reason. */
    void endByLog(String reason) {
        if (!closed) {
            end(new StorageException(reason));
            wakeAndJoin();
        }
    }

    @Override
    public long nextSequence() {
        return next;
    }

    @Override
    public boolean isLive() {
        return live && !closed;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Always 0: a Kafka subscription has no live buffer to overflow; it always reads from the brokers. */
    @Override
    public long overflows() {
        return 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            wakeAndJoin();
        }
    }

    private void wakeAndJoin() {
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(clients.settings().timeoutMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
