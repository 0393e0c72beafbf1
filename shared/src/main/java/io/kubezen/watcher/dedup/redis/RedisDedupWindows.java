package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.store.SourceNames;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Published windows in Redis: {@link RedisKeys#dedupWindow} holds whole seconds, and a message with the
 * source name on {@link RedisKeys#dedupWindowChannel} tells every ingester to drop its cached value. The
 * cache also expires after {@code cacheTtl}, which bounds staleness when a notice is missed (during a
 * reconnect, or when someone sets the key by hand), and keeps Redis off the per-event path.
 */
public final class RedisDedupWindows implements DedupWindows, AutoCloseable {

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    /**
     * A cached window is read again this long before it expires, which is longer than a request takes from asking
     * {@link #answersFromMemory} to reading the window: a caller that must not wait never meets an expiry, and the
     * refresh falls to one that may.
     */
    private static final Duration MEMORY_MARGIN = Duration.ofSeconds(1);

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Counts notices, so a read that raced with one is used once but not cached. */
    private final AtomicLong notices = new AtomicLong();
    private final Object lock = new Object();
    private StatefulRedisPubSubConnection<String, String> subscription;

    public RedisDedupWindows(RedisConnector connector, Clock clock, Duration cacheTtl) {
        this.connector = connector;
        this.keys = connector.keys();
        this.clock = clock;
        if (cacheTtl.compareTo(MEMORY_MARGIN.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("cacheTtl must be at least " + MEMORY_MARGIN.multipliedBy(2)
                    + ", was " + cacheTtl);
        }
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Duration windowFor(String source, Duration configured) {
        Instant now = clock.instant();
        Cached cached = cache.get(source);
        if (cached == null || !cached.freshAt(now.toEpochMilli())) {
            // Subscribe before reading, so a change made after this read is never missed.
            listenForChanges();
            long noticesBefore = notices.get();
            String seconds = RedisCalls.await(connector.shared().async().get(keys.dedupWindow(source)), "window read");
            cached = new Cached(Optional.ofNullable(seconds).map(s -> Duration.ofSeconds(Long.parseLong(s))),
                    now.plus(cacheTtl));
            if (notices.get() == noticesBefore) {
                cache.put(source, cached);
            }
        }
        return cached.published().orElse(configured);
    }

    @Override
    public boolean answersFromMemory(String source) {
        Cached cached = cache.get(source);
        return cached != null && cached.freshAt(clock.millis());
    }

    @Override
    public void publish(String source, Duration window) {
        DedupWindows.checkPublishable(window);
        RedisCalls.await(connector.shared().async().set(keys.dedupWindow(SourceNames.check(source)),
                Long.toString(window.getSeconds())), "window publish");
        announce(source);
    }

    @Override
    public void withdraw(String source) {
        RedisCalls.await(connector.shared().async().del(keys.dedupWindow(SourceNames.check(source))), "window withdraw");
        announce(source);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (subscription != null) {
                subscription.close();
            }
        }
    }

    private void announce(String source) {
        invalidate(source);
        RedisCalls.await(connector.shared().async().publish(keys.dedupWindowChannel(), source), "window notice");
    }

    private void listenForChanges() {
        synchronized (lock) {
            if (subscription != null) {
                return;
            }
            StatefulRedisPubSubConnection<String, String> connection = connector.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String source) {
                    invalidate(source);
                }
            });
            try {
                RedisCalls.await(connection.async().subscribe(keys.dedupWindowChannel()), "window subscribe");
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            subscription = connection;
        }
    }

    private void invalidate(String source) {
        notices.incrementAndGet();
        cache.remove(source);
    }

    private record Cached(Optional<Duration> published, Instant expiresAt) {

        boolean freshAt(long millis) {
            return millis + MEMORY_MARGIN.toMillis() < expiresAt.toEpochMilli();
        }
    }
}
