package org.fcredirect.storage.kafka;

import org.fcredirect.storage.api.StorageException;

/** A Kafka storage setting outside its rule; the message names the key, the value and the rule. */
final class KafkaSettingException extends StorageException {
    private static final long serialVersionUID = 1L;

    KafkaSettingException(String key, Object value, String rule) {
        super("Kafka storage setting " + key + "=" + value + " rejected: " + rule);
    }
}
