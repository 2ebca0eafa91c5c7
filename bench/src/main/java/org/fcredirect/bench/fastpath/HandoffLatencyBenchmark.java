package org.fcredirect.bench.fastpath;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Handoff latency from a worker to the stats consumer: the benchmark thread (the worker) offers a
 * batch object to a queue, a consumer thread polls it and offers it back on a second queue of the
 * same kind, and the benchmark thread waits for it. One operation is that round trip, two
 * handoffs; a one-way handoff is about half. Both sides spin (no parking), so the figure is the
 * queue's own cost; capacity 1024 each, one batch in flight. JMH sample mode gives the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffLatencyBenchmark {
    private static final int CAPACITY = 1024;

    @Param({"spsc", "mpsc", "abq", "lbq"})
    public String queue;

    private Queue<Object> there;
    private Queue<Object> back;
    private final Object batch = new long[128];
    private volatile boolean running;
    private Thread consumer;

    private static Queue<Object> create(String kind) {
        return switch (kind) {
            case "spsc" -> new SpscArrayQueue<>(CAPACITY);
            case "mpsc" -> new MpscArrayQueue<>(CAPACITY);
            case "abq" -> new ArrayBlockingQueue<>(CAPACITY);
            case "lbq" -> new LinkedBlockingQueue<>(CAPACITY);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Setup(Level.Trial)
    public void start() {
        there = create(queue);
        back = create(queue);
        running = true;
        consumer = new Thread(() -> {
            while (running) {
                Object o = there.poll();
                if (o == null) {
                    Thread.onSpinWait();
                } else {
                    while (!back.offer(o)) {
                        Thread.onSpinWait();
                    }
                }
            }
        }, "stats-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running = false;
        consumer.join(5_000);
    }

    @Benchmark
    public Object roundTrip() {
        while (!there.offer(batch)) {
            Thread.onSpinWait();
        }
        Object o;
        while ((o = back.poll()) == null) {
            Thread.onSpinWait();
        }
        return o;
    }
}
