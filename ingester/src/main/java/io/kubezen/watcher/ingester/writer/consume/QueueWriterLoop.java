package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.wiring.ConsumerProperties;
import io.kubezen.watcher.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs a {@link QueueWriter} on a thread of its own until stopped. Stopping drains: no new batch is read,
 * the batch in flight is written and acknowledged, then the thread ends; what is still unacknowledged if
 * the drain times out is claimed by another writer later. While Redis is away, or a step fails otherwise, the loop
 * waits and retries.
 */
public final class QueueWriterLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWriterLoop.class);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);

    private final QueueWriter writer;
    private final ConsumerProperties settings;
    private final Thread thread;
    private volatile boolean running = true;

    public QueueWriterLoop(QueueWriter writer, ConsumerProperties settings) {
        this.writer = writer;
        this.settings = settings;
        this.thread = new Thread(this::run, "queue-writer");
    }

    public void start() {
        LOG.info("Writer {} consuming group {}", writer.consumer(), settings.group());
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(settings.drainTimeout().toMillis());
            if (thread.isAlive()) {
                LOG.warn("Writer did not drain within {}; its unacknowledged entries will be claimed by another writer",
                        settings.drainTimeout());
                thread.interrupt();
                thread.join(OUTAGE_PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean prepared = false;
        long nextClaim = System.nanoTime();
        boolean outage = false;
        while (running) {
            try {
                if (!prepared) {
                    writer.prepare();
                    prepared = true;
                }
                writer.pollOnce(settings.block());
                if (System.nanoTime() - nextClaim >= 0) {
                    writer.claimOnce();
                    nextClaim = System.nanoTime() + settings.claimInterval().toNanos();
                }
                if (outage) {
                    LOG.info("Queue reachable again; writing resumes");
                    outage = false;
                }
            } catch (StoreUnavailableException e) {
                if (!outage) {
                    LOG.warn("Queue unreachable, retrying every {}: {}", OUTAGE_PAUSE, e.getMessage());
                    outage = true;
                }
                if (!pause()) {
                    return;
                }
            } catch (RuntimeException e) {
                // Anything else (an answer from Redis that no retry fixes, a bug) must not end the thread while the
                // process still looks healthy; nothing was acknowledged, so the step is tried again.
                if (!outage) {
                    LOG.error("Writing failed, retrying every {}", OUTAGE_PAUSE, e);
                    outage = true;
                }
                if (!pause()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(OUTAGE_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
