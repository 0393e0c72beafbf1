package io.kubezen.watcher.admission;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaAcksTest {

    @Test
    void waitingIsOnForAtLeastOneReplicaAndNeedsAPositiveTimeout() {
        assertThat(ReplicaAcks.NONE.enabled()).isFalse();
        assertThat(new ReplicaAcks(1, Duration.ofMillis(500)).enabled()).isTrue();
        assertThatThrownBy(() -> new ReplicaAcks(-1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicaAcks(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
