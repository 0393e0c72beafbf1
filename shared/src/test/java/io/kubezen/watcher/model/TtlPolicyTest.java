package io.kubezen.watcher.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtlPolicyTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private final TtlPolicy policy = new TtlPolicy(TtlPolicy.DEFAULT_TTL);

    @ParameterizedTest(name = "ttlSecondsAfterCreation {0} → {1}")
    @CsvSource({
        "3600, PT1H",
        "10, PT1M",
        "0, PT1M",
        "999999999, PT8760H",
        ", PT168H"})
    void theSpecsTtlAppliesWithinTheBoundsElseTheDefault(Long seconds, Duration expected) {
        assertThat(policy.ttlOf(seconds)).isEqualTo(expected);
    }

    @Test
    void anObservationExpiresWhenItsTtlHasPassed() {
        assertThat(policy.isExpired(CREATED, 3600L, CREATED.plusSeconds(3599))).isFalse();
        assertThat(policy.isExpired(CREATED, 3600L, CREATED.plusSeconds(3600))).isTrue();
        assertThat(policy.isExpired(CREATED, null, CREATED.plus(TtlPolicy.DEFAULT_TTL))).isTrue();
    }

    @Test
    void theDefaultMustLieWithinTheBounds() {
        assertThatThrownBy(() -> new TtlPolicy(Duration.ofSeconds(30))).hasMessageContaining("default-ttl");
        assertThatThrownBy(() -> new TtlPolicy(Duration.ofDays(400))).hasMessageContaining("default-ttl");
    }
}
