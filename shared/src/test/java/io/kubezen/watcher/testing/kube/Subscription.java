package io.kubezen.watcher.testing.kube;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One open watch: the store offers it every change under the store lock (so the order is the commit order), and the
 * HTTP thread serving the watch takes them out.
 */
final class Subscription implements AutoCloseable {

    private final Object lock = new Object();
    private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
    private final WatchFilter filter;
    private final Consumer<Subscription> onClose;
    private long progress;
    private boolean closed;

    Subscription(WatchFilter filter, long resourceVersion, Consumer<Subscription> onClose) {
        this.filter = filter;
        this.progress = resourceVersion;
        this.onClose = onClose;
    }

    WatchFilter filter() {
        return filter;
    }

    /** Called by the store for every committed change, matching or not, so bookmarks can report progress. */
    void offer(WatchEvent event) {
        WatchEvent seen = filter.translate(event);
        synchronized (lock) {
            if (seen != null) {
                queue.addLast(seen);
                lock.notifyAll();
            }
            progress = Math.max(progress, event.resourceVersion());
        }
    }

    /** Queues an event exactly as given: the synthetic ADDED events of an initial state, or a bookmark. */
    void offerAsIs(WatchEvent event) {
        synchronized (lock) {
            queue.addLast(event);
            lock.notifyAll();
        }
    }

    /**
     * The next event, or null when none came within the timeout or the watch was closed. Events still queued at
     * close are dropped, as they are when a real connection breaks; the client resumes from its last version.
     */
    WatchEvent poll(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            while (queue.isEmpty() && !closed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return closed ? null : queue.pollFirst();
        }
    }

    /**
     * The version a bookmark may promise, or -1 while events are still queued: promising past an undelivered event
     * would make a client that resumes from the bookmark miss it.
     */
    long bookmarkVersion() {
        synchronized (lock) {
            return queue.isEmpty() ? progress : -1;
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        onClose.accept(this);
    }
}
