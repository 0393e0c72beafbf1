package io.kubezen.watcher.controller.leader;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.kubezen.watcher.controller.leader.LeaderElectionOptions.DEFAULT_LEASE_DURATION;
import static io.kubezen.watcher.controller.leader.LeaderElectionOptions.DEFAULT_RENEW_DEADLINE;
import static io.kubezen.watcher.controller.leader.LeaderElectionOptions.DEFAULT_RETRY_PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderElectionOptionsTest {

    @Test
    void theDefaultsLeaveAStepDownMargin() {
        assertThat(options(DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD).stepDownMargin())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRenewDeadlineThatCouldOutlastTheLeaseIsRefused() {
        assertThatThrownBy(() -> options(Duration.ofSeconds(15), Duration.ofSeconds(13), Duration.ofSeconds(2)))
                .hasMessageContaining("renew-deadline").hasMessageContaining("lease-duration");
        assertThatThrownBy(() -> options(Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .hasMessageContaining("retry-period");
        assertThatThrownBy(() -> options(Duration.ofMillis(900), Duration.ofMillis(500), Duration.ofMillis(100)))
                .hasMessageContaining("lease-duration");
    }

    @Test
    void namesMustBeGiven() {
        assertThatThrownBy(() -> new LeaderElectionOptions("lease", "zen-system", " ", DEFAULT_LEASE_DURATION,
                DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD)).hasMessageContaining("identity");
    }

    private static LeaderElectionOptions options(Duration lease, Duration renew, Duration retry) {
        return new LeaderElectionOptions("zen-watcher-controller", "zen-system", "controller-a", lease, renew, retry);
    }
}
