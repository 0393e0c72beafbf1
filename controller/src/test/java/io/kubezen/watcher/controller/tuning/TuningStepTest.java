package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.config.DedupSpec;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.dedup.memory.InMemoryTrafficCounter;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.projection.memory.InMemoryConfigProjection;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TuningStepTest {

    private static final Duration CONFIGURED = Duration.ofSeconds(900);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryTrafficCounter traffic = new InMemoryTrafficCounter(clock, TrafficBuckets.DEFAULT_RETENTION);
    private final InMemoryDedupWindows windows = new InMemoryDedupWindows();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WindowGauges gauges = new WindowGauges(registry);
    private final TuningOptions options = new TuningOptions(TuningOptions.DEFAULT_INTERVAL,
            TuningOptions.DEFAULT_RATE_WINDOW, TuningOptions.DEFAULT_COOLDOWN, TierPolicy.defaults(),
            Set.of("trivy"), Set.of("kube-audit"));
    private final InMemoryConfigProjection projection = new InMemoryConfigProjection();
    private final TuningStep step = step(Map.of());

    @Test
    void configuredSourcesAndSourcesWithTrafficAreTunedFromTheirRate() {
        countPerSecond("falco", 100, Duration.ofSeconds(60));

        step.run();

        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(Duration.ofSeconds(120));
        assertThat(windows.windowFor("trivy", CONFIGURED)).as("configured, no traffic").hasSeconds(300);
        assertThat(gauge("falco")).isEqualTo(120);
        assertThat(gauge("trivy")).isEqualTo(300);
    }

    @Test
    void aPinnedSourceKeepsItsConfiguredWindowAndHasNoGauge() {
        windows.publish("kube-audit", Duration.ofSeconds(60));
        countPerSecond("kube-audit", 1000, Duration.ofSeconds(60));

        step.run();

        assertThat(windows.windowFor("kube-audit", CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(registry.find(MetricNames.DEDUP_WINDOW).tag(MetricNames.TAG_SOURCE, "kube-audit").gauge())
                .isNull();
    }

    static Stream<Arguments> ownWindows() {
        return Stream.of(
                Arguments.of("an Ingester without a window is tuned", null, Map.of(), true),
                Arguments.of("an Ingester with a window keeps it", null, Map.of("windowSeconds", 900), false),
                Arguments.of("an Ingester with a window that asks for adaptive is tuned", null,
                        Map.of("windowSeconds", 900, "adaptive", true), true),
                Arguments.of("a configured source with a window keeps it",
                        new DedupSpec(null, 900L, null, null), null, false),
                Arguments.of("an adaptive Ingester replaces a configured source with a window",
                        new DedupSpec(null, 900L, null, null), Map.of(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownWindows")
    void aSourceWithAWindowOfItsOwnIsNotTuned(String name, DedupSpec configuredDedup, Map<String, Object> ingesterDedup,
                                               boolean tuned) {
        TuningStep step = step(configuredDedup == null ? Map.of() : Map.of("falco", configuredDedup));
        if (ingesterDedup != null) {
            projection.publish(Map.of("zen/falco",
                    SpecJson.convert(Map.of("source", "falco", "type", "falco", "dedup", ingesterDedup))));
        }
        windows.publish("falco", Duration.ofSeconds(120));
        countPerSecond("falco", 1000, Duration.ofSeconds(60));

        step.run();

        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(tuned ? Duration.ofSeconds(60) : CONFIGURED);
        assertThat(registry.find(MetricNames.DEDUP_WINDOW).tag(MetricNames.TAG_SOURCE, "falco").gauge() != null)
                .isEqualTo(tuned);
    }

    @Test
    void aSourceWhoseTrafficStoppedReturnsToTheQuietWindow() {
        countPerSecond("falco", 1000, Duration.ofSeconds(60));
        step.run();
        assertThat(gauge("falco")).isEqualTo(60);

        clock.advance(TrafficBuckets.DEFAULT_RETENTION.plus(options.cooldown()));
        step.run();

        assertThat(windows.windowFor("falco", CONFIGURED)).hasSeconds(300);
        assertThat(gauge("falco")).isEqualTo(300);
    }

    @Test
    void theGaugesGoWhenTheTermEnds() {
        step.run();

        gauges.clear();

        assertThat(registry.find(MetricNames.DEDUP_WINDOW).gauges()).isEmpty();
    }

    /** @param configured the {@code dedup} blocks of {@code zen-watcher.sources.*} */
    private TuningStep step(Map<String, DedupSpec> configured) {
        return new TuningStep(traffic, new WindowTuner(options.policy(), options.cooldown(), windows, clock), options,
                clock, gauges, new FixedWindows(projection, configured, options.pinned()));
    }

    /** Counts {@code perSecond} events every second of the {@code span} before now, as ingesters would. */
    private void countPerSecond(String source, long perSecond, Duration span) {
        clock.advance(span.negated());
        for (long second = 0; second < span.getSeconds(); second++) {
            traffic.add(source, perSecond);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private double gauge(String source) {
        Gauge gauge = registry.find(MetricNames.DEDUP_WINDOW).tag(MetricNames.TAG_SOURCE, source).gauge();
        assertThat(gauge).as("gauge of %s", source).isNotNull();
        return gauge.value();
    }
}
