package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.config.ConfigTree;
import io.kubezen.watcher.config.DedupSpec;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.controller.tuning.FixedWindows;
import io.kubezen.watcher.controller.tuning.TuningOptions;
import io.kubezen.watcher.controller.tuning.WindowTuningDuty;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The dedup window tuner as a leader duty, when there is a Redis to read traffic from and publish to. */
@Factory
final class TuningFactory {

    private static final String ENABLED = TuningProperties.PREFIX + ".enabled";
    private static final String SOURCES_PREFIX = "zen-watcher.sources";
    @Singleton
    @Requires(property = RedisProperties.URI)
    @Requires(property = ENABLED, notEquals = "false")
    WindowTuningDuty windowTuning(TrafficCounter traffic, DedupWindows windows, TuningProperties properties,
                                  Clock clock, MeterRegistry registry, RedisConnector connector,
                                  Environment environment) {
        TuningOptions options = properties.toOptions();
        FixedWindows fixed = new FixedWindows(new RedisConfigProjection(connector), configuredDedup(environment),
                options.pinned());
        return new WindowTuningDuty(traffic, windows, options, clock, registry, fixed);
    }

    /**
     * The {@code dedup} block of each receiver source in {@code zen-watcher.sources.*}: the Helm chart gives the
     * controller the ingesters' configuration, so the tuner sees which of them keep a window of their own.
     */
    @SuppressWarnings("unchecked")
    static Map<String, DedupSpec> configuredDedup(Environment environment) {
        Map<String, Object> tree = ConfigTree.unflatten(SOURCES_PREFIX,
                environment.getProperties(SOURCES_PREFIX, StringConvention.RAW));
        Map<String, DedupSpec> dedup = new HashMap<>();
        tree.forEach((name, value) -> {
            Object block = value instanceof Map<?, ?> spec ? spec.get("dedup") : null;
            if (block == null) {
                return;
            }
            try {
                dedup.put(name, SpecJson.mapper().convertValue(block, DedupSpec.class));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(SOURCES_PREFIX + "." + name + ".dedup: " + e.getMessage(), e);
            }
        });
        return dedup;
    }

    /** Says once, at start-up, why the tuner is not running. */
    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    static final class NoRedisNotice {

        private static final Logger LOG = LoggerFactory.getLogger(NoRedisNotice.class);

        @EventListener
        void onStartup(StartupEvent event) {
            LOG.info("Dedup window tuning is off: no Redis configured (set {} or ZEN_WATCHER_REDIS_URI)",
                    RedisProperties.URI);
        }
    }
}
