package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.conventions.StringConvention;

/**
 * Stops the start when informer sources are configured without a Redis: their findings could reach no writer, and
 * without the shared finding records every leader change would emit them all again.
 */
@Context
@Requires(missingProperty = RedisProperties.URI)
final class InformersNeedRedis {

    InformersNeedRedis(Environment environment) {
        if (!environment.getProperties(InformerFactory.SOURCES_PREFIX, StringConvention.RAW).isEmpty()) {
            throw new ConfigurationException(InformerFactory.SOURCES_PREFIX + " is set but " + RedisProperties.URI
                    + " is not: informer sources need the Redis the ingesters share (set ZEN_WATCHER_REDIS_URI)");
        }
    }
}
