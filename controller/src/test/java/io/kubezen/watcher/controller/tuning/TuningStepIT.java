package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.redis.RedisDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisTrafficCounter;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller tunes from traffic that ingesters counted in Redis, and every ingester applies the result. */
@WithRedis
class TuningStepIT {

    private static final Duration CONFIGURED = Duration.ofSeconds(900);
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<RedisDedupWindows> ingesterWindows = new ArrayList<>();

    TuningStepIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @AfterEach
    void unsubscribe() {
        ingesterWindows.forEach(RedisDedupWindows::close);
    }

    @Test
    void bothIngestersApplyTheWindowTunedFromTheirTraffic() {
        RedisDedupWindows first = ingester();
        RedisDedupWindows second = ingester();
        assertThat(first.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(second.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);
        RedisTrafficCounter ingesterCounter = new RedisTrafficCounter(connectors.open(redis), clock,
                TrafficBuckets.DEFAULT_RETENTION);
        clock.advance(Duration.ofSeconds(-60));
        for (int second10 = 0; second10 < 6; second10++) {
            ingesterCounter.add("falco", 8_000);
            clock.advance(TrafficBuckets.SIZE);
        }

        controllerStep().run();

        assertThat(redis.sync().get("zw:window:falco")).isEqualTo("60");
        Await.until("the first ingester applies the tuned window", NOTICE_TIMEOUT,
                () -> first.windowFor("falco", CONFIGURED).equals(Duration.ofSeconds(60)));
        Await.until("the second ingester applies the tuned window", NOTICE_TIMEOUT,
                () -> second.windowFor("falco", CONFIGURED).equals(Duration.ofSeconds(60)));
    }

    @Test
    void aPinnedSourcesWindowIsWithdrawnForEveryIngester() {
        redis.sync().set("zw:window:kube-audit", "60");
        RedisDedupWindows ingester = ingester();
        assertThat(ingester.windowFor("kube-audit", CONFIGURED)).isEqualTo(Duration.ofSeconds(60));

        controllerStep().run();

        assertThat(redis.sync().exists("zw:window:kube-audit")).isZero();
        Await.until("the ingester falls back to the configured window", NOTICE_TIMEOUT,
                () -> ingester.windowFor("kube-audit", CONFIGURED).equals(CONFIGURED));
    }

    @Test
    void anIngesterWithAWindowOfItsOwnIsNotTunedWhateverItsTraffic() {
        new RedisConfigProjection(connectors.open(redis)).publish(Map.of("zen/falco", SpecJson.convert(Map.of(
                "source", "falco", "type", "falco", "dedup", Map.of("windowSeconds", 900)))));
        redis.sync().set("zw:window:falco", "60");
        RedisTrafficCounter ingesterCounter = new RedisTrafficCounter(connectors.open(redis), clock,
                TrafficBuckets.DEFAULT_RETENTION);
        ingesterCounter.add("falco", 50_000);

        controllerStep().run();

        assertThat(redis.sync().exists("zw:window:falco")).as("withdrawn, not tuned").isZero();
    }

    private TuningStep controllerStep() {
        TuningOptions options = new TuningOptions(TuningOptions.DEFAULT_INTERVAL, TuningOptions.DEFAULT_RATE_WINDOW,
                TuningOptions.DEFAULT_COOLDOWN, TierPolicy.defaults(), Set.of(), Set.of("kube-audit"));
        var connector = connectors.open(redis);
        RedisDedupWindows windows = new RedisDedupWindows(connector, clock, RedisDedupWindows.DEFAULT_CACHE_TTL);
        ingesterWindows.add(windows);
        return new TuningStep(new RedisTrafficCounter(connector, clock, TrafficBuckets.DEFAULT_RETENTION),
                new WindowTuner(options.policy(), options.cooldown(), windows, clock), options, clock,
                new WindowGauges(new SimpleMeterRegistry()),
                new FixedWindows(new RedisConfigProjection(connector), Map.of(), options.pinned()));
    }

    private RedisDedupWindows ingester() {
        RedisDedupWindows windows = new RedisDedupWindows(connectors.open(redis), clock,
                RedisDedupWindows.DEFAULT_CACHE_TTL);
        ingesterWindows.add(windows);
        return windows;
    }
}
