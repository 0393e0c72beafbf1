package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.leader.LeaderElectionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderPropertiesTest {

    private static final LeaderProperties UNSET = properties(null, null, Duration.ofSeconds(10));

    @Test
    void inAPodTheLeaseLivesInItsNamespaceAndThePodNameIsTheIdentity() {
        LeaderElectionOptions options = UNSET.toOptions("zen-watcher", 
                Map.of("POD_NAMESPACE", "security", "POD_NAME", "zen-watcher-controller-7d9f-x2v"), () -> "ignored");

        assertThat(options.leaseNamespace()).isEqualTo("security");
        assertThat(options.identity()).isEqualTo("zen-watcher-controller-7d9f-x2v");
    }

    @Test
    void outsideAPodTheIdentityIsTheHostWithASuffixThatDiffersPerProcess() {
        LeaderElectionOptions first = UNSET.toOptions("zen-watcher", Map.of(), () -> "laptop");
        LeaderElectionOptions second = UNSET.toOptions("zen-watcher", Map.of(), () -> "laptop");

        assertThat(first.leaseNamespace()).isEqualTo(LeaderElectionOptions.DEFAULT_LEASE_NAMESPACE);
        assertThat(first.identity()).matches("laptop-[0-9a-f]{6}");
        assertThat(first.identity()).isNotEqualTo(second.identity());
    }

    @Test
    void theLeaseIsNamedAfterTheInstallUnlessConfigured() {
        assertThat(UNSET.toOptions("zen-watcher", Map.of(), () -> "host").leaseName())
                .isEqualTo("zen-watcher-controller");
        assertThat(UNSET.toOptions("team-a", Map.of(), () -> "host").leaseName()).isEqualTo("team-a-controller");
        assertThat(new LeaderProperties(true, "mine", null, null, LeaderElectionOptions.DEFAULT_LEASE_DURATION,
                Duration.ofSeconds(10), LeaderElectionOptions.DEFAULT_RETRY_PERIOD)
                .toOptions("team-a", Map.of(), () -> "host").leaseName()).isEqualTo("mine");
    }

    @Test
    void configuredValuesWinOverTheEnvironment() {
        LeaderElectionOptions options = properties("ops", "controller-a", Duration.ofSeconds(10))
                .toOptions("zen-watcher", Map.of("POD_NAMESPACE", "security", "POD_NAME", "pod"), () -> "host");

        assertThat(options.leaseNamespace()).isEqualTo("ops");
        assertThat(options.identity()).isEqualTo("controller-a");
    }

    @Test
    void invalidTimingNamesTheConfigurationPrefix() {
        assertThatThrownBy(() -> properties(null, null, Duration.ofSeconds(14))
                .toOptions("zen-watcher", Map.of(), () -> "host"))
                .hasMessageStartingWith("Invalid configuration under zen-watcher.leader: renew-deadline");
    }

    private static LeaderProperties properties(String namespace, String identity, Duration renewDeadline) {
        return new LeaderProperties(true, null, namespace, identity,
                LeaderElectionOptions.DEFAULT_LEASE_DURATION, renewDeadline, LeaderElectionOptions.DEFAULT_RETRY_PERIOD);
    }
}
