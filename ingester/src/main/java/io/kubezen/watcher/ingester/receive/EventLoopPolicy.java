package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.ingester.wiring.ReceiverProperties;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Which requests may be handled on the server's event loop rather than on a blocking-pool thread. The hop to the
 * pool and back costs a small request more than its parsing does, but an event loop serves many connections and
 * must never wait: only a small, plain body whose every step answers from memory stays on it. A bcrypt check, a
 * rate limit kept in Redis, a dedup window that must be read from Redis, an encoded body or a large batch sends the
 * whole request to the pool before its first check, so the checks keep their order; a share of the in-flight
 * budget that is not free at once sends the rest of it there to wait ({@link IngestController}).
 */
@Requires(condition = ReceiverRole.class)
@Singleton
class EventLoopPolicy {

    private final int maxInlineBodyBytes;
    private final RateLimiter rateLimiter;
    private final DedupWindows windows;

    EventLoopPolicy(ReceiverProperties properties, RateLimiter rateLimiter, DedupWindows windows) {
        this.maxInlineBodyBytes = properties.maxInlineBodyBytes();
        this.rateLimiter = rateLimiter;
        this.windows = windows;
    }

    /**
     * Before the first check: whether nothing up to the in-flight budget can wait. An encoded body is never handled
     * inline, however small: it may expand up to the source's decompressed limit.
     *
     * @param contentEncoding the request's {@code Content-Encoding}, null when it has none
     */
    boolean mayStartInline(ReceiverSource source, int bodyBytes, String contentEncoding) {
        return maxInlineBodyBytes > 0 && bodyBytes <= maxInlineBodyBytes
                && contentEncoding == null
                && source.authenticator().isQuick()
                && (source.limits().rateLimit().isEmpty() || rateLimiter.answersFromMemory())
                && windows.answersFromMemory(source.name());
    }
}
