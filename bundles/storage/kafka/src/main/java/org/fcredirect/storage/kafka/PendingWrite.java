package org.fcredirect.storage.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Records that commit together or not at all, and what Kafka said of each once committed. */
record PendingWrite(List<ProducerRecord<byte[], byte[]>> records, boolean events,
        CompletableFuture<List<RecordMetadata>> done) {

    static PendingWrite of(List<ProducerRecord<byte[], byte[]>> records, boolean events) {
        return new PendingWrite(List.copyOf(records), events, new CompletableFuture<>());
    }

    int eventCount() {
        return events ? records.size() : 0;
    }
}
