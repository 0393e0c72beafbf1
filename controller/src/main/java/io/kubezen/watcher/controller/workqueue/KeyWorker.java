package io.kubezen.watcher.controller.workqueue;

import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubezen.watcher.controller.leader.FailureLog;

/**
 * The worker loop of a client-java rate-limited work queue, as sample-controller runs it: take a key, run one
 * idempotent sync step for it, forget its backoff only once it settled, re-add it with per-key backoff when it
 * failed or asks to be retried, and always mark it done. Event handlers only add keys.
 */
public final class KeyWorker {

    private KeyWorker() {
    }

    /**
     * Runs until the queue shuts down; the caller shuts it down to stop the worker.
     *
     * @param step returns false when waiting may settle the key (it is then retried with backoff); a
     *             {@link RuntimeException} is logged through {@code failures} and retried the same way
     */
    public static <K> void run(RateLimitingQueue<K> queue, SyncStep<K> step, FailureLog failures)
            throws InterruptedException {
        while (!queue.isShuttingDown()) {
            K key = queue.get();
            if (key == null || queue.isShuttingDown()) {
                return;
            }
            try {
                if (step.sync(key)) {
                    queue.forget(key);
                } else {
                    queue.addRateLimited(key);
                }
                failures.succeeded();
            } catch (RuntimeException e) {
                failures.failed(e);
                queue.addRateLimited(key);
            } finally {
                queue.done(key);
            }
        }
    }

    /** One idempotent sync step for one key. */
    @FunctionalInterface
    public interface SyncStep<K> {

        /** @return true when the key settled */
        boolean sync(K key);
    }
}
