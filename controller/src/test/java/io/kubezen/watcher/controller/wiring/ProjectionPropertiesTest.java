package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.projection.ProjectionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionPropertiesTest {

    private static final ProjectionProperties DEFAULTS = new ProjectionProperties(true, Duration.ZERO,
            "/etc/zen-watcher/hmac", 10, Duration.ofSeconds(30));

    @Test
    void watchesTheInstallsNamespaces() {
        assertThat(DEFAULTS.toOptions(List.of("zen", "team-a")).namespaces()).containsExactly("zen", "team-a");
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        ProjectionOptions options = DEFAULTS.toOptions(List.of());

        assertThat(options.resync()).isEqualTo(ProjectionOptions.DEFAULT_RESYNC);
        assertThat(options.hmacSecretsDir()).isEqualTo(ProjectionOptions.DEFAULT_HMAC_SECRETS_DIR);
        assertThat(options.bcryptCost()).isEqualTo(ProjectionOptions.DEFAULT_BCRYPT_COST);
        assertThat(options.lastEventInterval()).isEqualTo(ProjectionOptions.DEFAULT_LAST_EVENT_INTERVAL);
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> new ProjectionProperties(true, Duration.ZERO, "hmac", 10, Duration.ofSeconds(30))
                .toOptions(List.of()))
                .hasMessageContaining("zen-watcher.projection").hasMessageContaining("hmac-secrets-dir");
        assertThatThrownBy(() -> new ProjectionProperties(true, Duration.ofSeconds(-1), "/x", 3, Duration.ofSeconds(30))
                .toOptions(List.of())).hasMessageContaining("zen-watcher.projection");
        assertThatThrownBy(() -> new ProjectionProperties(true, Duration.ZERO, "/x", 10, Duration.ofMinutes(10))
                .toOptions(List.of())).hasMessage("Invalid configuration under zen-watcher.projection: last-event-interval "
                        + "must be between 1s and the traffic counters' retention of 300s, was PT10M");
    }
}
