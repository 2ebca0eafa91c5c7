package org.fcredirect.tools.kafkacluster;

import java.io.IOException;

/**
 * Runs a Kafka node that dies with the JVM that started it: its stdin is a pipe from that JVM, so
 * when that JVM is gone (a test fork halted before its shutdown hooks ran, too) the read ends and
 * the node halts at once. No broker outlives the test run that started it.
 */
public final class TiedBroker {

    private TiedBroker() {
    }

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever written: the read returns at end of stream, when the parent is gone
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone as well
            }
            Runtime.getRuntime().halt(137);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        kafka.Kafka.main(args);
    }
}
