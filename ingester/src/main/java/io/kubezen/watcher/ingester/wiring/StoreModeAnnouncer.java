package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once, at start-up, which stores this process uses, so nobody runs the embedded default by mistake. */
@Singleton
class StoreModeAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(StoreModeAnnouncer.class);

    private final String redisUri;

    StoreModeAnnouncer(@Nullable @Value("${" + RedisProperties.URI + ":}") String redisUri) {
        this.redisUri = redisUri;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (redisUri == null || redisUri.isBlank()) {
            LOG.warn("Embedded mode: dedup records and the queue live in this process's memory only; they are not "
                    + "shared with other replicas and are lost on restart. Set zen-watcher.redis.uri "
                    + "(env ZEN_WATCHER_REDIS_URI) for production.");
        } else {
            LOG.info("Redis mode: dedup store and queue in Redis at {}", redactPassword(redisUri));
        }
    }

    static String redactPassword(String uri) {
        return uri.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@");
    }
}
