package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.tuning.WindowTuningDuty;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The dedup window tuner as a leader duty, when there is a Redis to read traffic from and publish to. */
@Factory
final class TuningFactory {

    private static final String ENABLED = TuningProperties.PREFIX + ".enabled";

    @Singleton
    @Requires(property = RedisProperties.URI)
    @Requires(property = ENABLED, notEquals = "false")
    WindowTuningDuty windowTuning(TrafficCounter traffic, DedupWindows windows, TuningProperties properties,
                                  Clock clock, MeterRegistry registry) {
        return new WindowTuningDuty(traffic, windows, properties.toOptions(), clock, registry);
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
