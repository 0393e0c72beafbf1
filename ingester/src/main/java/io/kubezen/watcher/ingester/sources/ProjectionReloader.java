package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the catalog on the projection's latest version: it reads at start, again on every change notice,
 * and every {@code refreshInterval} in case a notice was lost (Redis restarted, a reconnect) or Redis was away
 * at start. All reads run on one thread, so versions are applied in order. While Redis is away the ingester
 * keeps serving the version it has.
 * <p>
 * It starts before the catalog it applies to exists: connecting and the first read, which need Lettuce's and
 * Netty's classes and a round trip or two, then overlap the compiling of the catalog, and the first read is
 * applied once the catalog is {@linkplain #attach attached}. Only then does it subscribe to change notices, on a
 * connection of its own, and read once more: the start waits for the first read, not for the second connection,
 * and the second read applies any version published before the subscription took effect.
 */
public final class ProjectionReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReloader.class);

    private final ConfigProjection projection;
    private final CompletableFuture<ProjectedSources> sources = new CompletableFuture<>();
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "projection-reload");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable listening;
    private boolean failing;

    public ProjectionReloader(ConfigProjection projection) {
        this.projection = projection;
    }

    /** The sources every version read is applied to; reads before this call wait for it. */
    public void attach(ProjectedSources target) {
        sources.complete(target);
    }

    /**
     * Starts reading the current version in the background and returns at once: connecting to Redis and the
     * first read overlap the rest of the start-up, and {@link #awaitFirstLoad()} is where the start waits.
     */
    public void start(Duration refreshInterval) {
        thread.execute(this::reload);
        thread.scheduleWithFixedDelay(this::reload, refreshInterval.toMillis(), refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Returns once the first read has been applied, or has failed because Redis did not answer within its
     * timeouts; called before the HTTP server opens, so the first request already sees the projection.
     */
    public void awaitFirstLoad() {
        try {
            firstLoad.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the first load never fails", e);
        }
    }

    @Override
    public void close() throws Exception {
        // A start that fails before the first read ran has nothing to wait for.
        firstLoad.complete(null);
        thread.shutdownNow();
        if (listening != null) {
            listening.close();
        }
    }

    /** Runs on the reload thread only. */
    private void reload() {
        try {
            // Read, then wait for the catalog: the first read overlaps the compiling of the catalog.
            ProjectedConfig config = projection.read();
            target().apply(config);
            firstLoad.complete(null);
            if (listening == null) {
                listening = projection.listen(this::reloadSoon);
                // A version published after the read above and before the subscription took effect was announced
                // to no one here.
                ProjectedConfig published = projection.read();
                target().apply(published);
            }
            if (failing) {
                LOG.info("The projected configuration can be read again");
                failing = false;
            }
        } catch (StoreUnavailableException e) {
            if (!failing) {
                LOG.warn("Cannot read the projected configuration from Redis; serving the version loaded before: {}",
                        e.getMessage());
                failing = true;
            }
        } catch (InterruptedException e) {
            // Closed before the catalog was attached: there is nothing to apply to.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A document this ingester cannot read; the next one may be fine, so keep the schedule alive.
            if (!failing) {
                LOG.error("The projected configuration cannot be applied; serving the version loaded before", e);
                failing = true;
            }
        } finally {
            firstLoad.complete(null);
        }
    }

    /** The attached sources; the first read waits here until the catalog is attached. */
    private ProjectedSources target() throws InterruptedException {
        try {
            return sources.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("attach never fails", e);
        }
    }

    private void reloadSoon() {
        try {
            thread.execute(this::reload);
        } catch (RejectedExecutionException e) {
            // Closing: nothing to reload into.
        }
    }
}
