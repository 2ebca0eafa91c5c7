package org.fcredirect.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fcredirect.fastpath.api.FastPath;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Watches the fast path while something else is upgraded: every event of its bundle (a refresh
 * stops and starts it) and, ten times a second, its state and frame counter, so a test can tell
 * whether frames kept flowing the whole time.
 */
final class FastPathWatch implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;

    private final BundleContext context;
    private final Bundle bundle;
    private final long bundleId;
    private final FastPath fastPath;
    private final List<String> bundleEvents = new CopyOnWriteArrayList<>();
    private final List<String> notActive = new CopyOnWriteArrayList<>();
    private final BundleListener listener = this::bundleChanged;
    private final Thread sampler;
    private volatile boolean running = true;
    private long longestStallMillis;

    FastPathWatch(BundleContext context, Bundle bundle, FastPath fastPath) {
        this.context = context;
        this.bundle = bundle;
        this.bundleId = bundle.getBundleId();
        this.fastPath = fastPath;
        context.addBundleListener(listener);
        sampler = new Thread(this::sample, "fast-path-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getBundle().getBundleId() == bundleId) {
            bundleEvents.add(event.getType() + "@" + System.currentTimeMillis());
        }
    }

    private void sample() {
        long lastFrames = fastPath.status().framesProcessed();
        long lastAdvance = System.currentTimeMillis();
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.currentTimeMillis();
            if (bundle.getState() != Bundle.ACTIVE) {
                notActive.add("state " + bundle.getState() + " at " + now);
            }
            long frames = fastPath.status().framesProcessed();
            if (frames > lastFrames) {
                lastFrames = frames;
                lastAdvance = now;
            }
            synchronized (this) {
                longestStallMillis = Math.max(longestStallMillis, now - lastAdvance);
            }
        }
    }

    /** What went wrong for the fast path since the watch began; empty when nothing did. */
    synchronized List<String> problems(long allowedStallMillis) {
        List<String> problems = new ArrayList<>();
        if (!bundleEvents.isEmpty()) {
            problems.add("the fast path bundle had events (a refresh or restart): " + bundleEvents);
        }
        if (!notActive.isEmpty()) {
            problems.add("the fast path bundle left ACTIVE: " + notActive);
        }
        if (context.getBundle(bundleId) != bundle) {
            problems.add("the fast path bundle " + bundleId + " is gone");
        }
        if (longestStallMillis > allowedStallMillis) {
            problems.add("frames stopped for " + longestStallMillis + " ms");
        }
        return problems;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
        context.removeBundleListener(listener);
    }
}
