package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.gc.GcDuty;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeaderElection;
import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import io.kubezen.watcher.controller.leader.solo.SoloLeaderElection;
import io.kubezen.watcher.controller.tuning.TierPolicy;
import io.kubezen.watcher.controller.tuning.TuningOptions;
import io.kubezen.watcher.controller.tuning.WindowTuningDuty;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.wiring.GcProperties;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller's beans as configuration selects them, without a Kubernetes API (election off). */
class ControllerWiringIT {

    /** Nothing listens there: the tuner's steps fail and are retried, which these tests do not look at. */
    private static final String UNUSED_REDIS = "redis://127.0.0.1:1";

    @Test
    void defaultsAreTheDocumentedOnes() {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.getBean(TuningProperties.class).toOptions()).isEqualTo(new TuningOptions(
                    TuningOptions.DEFAULT_INTERVAL, TuningOptions.DEFAULT_RATE_WINDOW, TuningOptions.DEFAULT_COOLDOWN,
                    TierPolicy.defaults(), Set.of(), Set.of()));
            LeaderElectionOptions leader = context.getBean(LeaderElectionOptions.class);
            assertThat(leader.leaseName()).isEqualTo("zen-watcher-controller");
            assertThat(List.of(leader.leaseDuration(), leader.renewDeadline(), leader.retryPeriod())).containsExactly(
                    LeaderElectionOptions.DEFAULT_LEASE_DURATION, LeaderElectionOptions.DEFAULT_RENEW_DEADLINE,
                    LeaderElectionOptions.DEFAULT_RETRY_PERIOD);
        }
    }

    @Test
    void tuningValuesBindFromCommaSeparatedStringsAsEnvironmentVariablesGiveThem() {
        try (ApplicationContext context = run(Map.of(
                "zen-watcher.tuning.thresholds", "20,200",
                "zen-watcher.tuning.windows", "600s,180s,30s",
                "zen-watcher.tuning.rate-window", "2m",
                "zen-watcher.tuning.pinned", "falco,kube-audit"))) {
            TuningOptions options = context.getBean(TuningProperties.class).toOptions();

            assertThat(options.policy().thresholds()).containsExactly(20.0, 200.0);
            assertThat(options.policy().windows()).containsExactly(
                    Duration.ofSeconds(600), Duration.ofSeconds(180), Duration.ofSeconds(30));
            assertThat(options.rateWindow()).isEqualTo(Duration.ofMinutes(2));
            assertThat(options.pinned()).containsExactlyInAnyOrder("falco", "kube-audit");
        }
    }

    @Test
    void withoutRedisTheTunerIsOffAndTheControllerStillLeads() {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.containsBean(WindowTuningDuty.class)).isFalse();
            assertThat(context.getBean(LeaderElection.class)).isInstanceOf(SoloLeaderElection.class);
            assertThat(context.getBean(LeaderDuties.class).isLeading()).isTrue();
        }
    }

    @Test
    void withRedisTheTunerIsALeaderDutyUnlessTurnedOff() {
        try (ApplicationContext context = run(Map.of("zen-watcher.redis.uri", UNUSED_REDIS))) {
            assertThat(context.containsBean(WindowTuningDuty.class)).isTrue();
        }
        try (ApplicationContext context = run(Map.of("zen-watcher.redis.uri", UNUSED_REDIS,
                "zen-watcher.tuning.enabled", "false"))) {
            assertThat(context.containsBean(WindowTuningDuty.class)).isFalse();
        }
    }

    @Test
    void gcIsALeaderDutyWithTheDocumentedDefaultsUnlessTurnedOff() {
        try (ApplicationContext context = run(Map.of("zen-watcher.gc.enabled", "true"))) {
            assertThat(context.containsBean(GcDuty.class)).isTrue();
            assertThat(context.getBean(GcProperties.class)).isEqualTo(
                    new GcProperties(true, Duration.ofHours(1), TtlPolicy.DEFAULT_TTL, 500, 10, 20));
        }
        try (ApplicationContext context = run(Map.of("zen-watcher.gc.enabled", "false"))) {
            assertThat(context.containsBean(GcDuty.class)).isFalse();
        }
    }

    @Test
    void invalidGcStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("zen-watcher.gc.enabled", "true", "zen-watcher.gc.default-ttl", "10s")))
                .hasStackTraceContaining("Invalid configuration under zen-watcher.gc: default-ttl");
    }

    @Test
    void invalidTuningStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("zen-watcher.redis.uri", UNUSED_REDIS,
                "zen-watcher.tuning.thresholds", "500,50")))
                .hasStackTraceContaining("Invalid configuration under zen-watcher.tuning: thresholds");
    }

    private static ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("zen-watcher.leader.enabled", "false");
        return ApplicationContext.run(all);
    }
}
