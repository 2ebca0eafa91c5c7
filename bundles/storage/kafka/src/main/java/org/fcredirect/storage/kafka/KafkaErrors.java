package org.fcredirect.storage.kafka;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;

/** One line for an operator out of a Kafka exception chain: the innermost Kafka error and its message. */
final class KafkaErrors {

    private KafkaErrors() {
    }

    static String reason(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || (cause instanceof KafkaException && cause.getCause() instanceof KafkaException))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
