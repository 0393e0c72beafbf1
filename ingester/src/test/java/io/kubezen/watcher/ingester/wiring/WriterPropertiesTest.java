package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.throttle.RetryPolicy;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.model.Severity;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterPropertiesTest {

    @Test
    void absentKeysTakeTheDefaults() {
        WriterProperties properties = bind(Map.of());

        assertThat(properties.qps()).isEqualTo(50.0);
        assertThat(properties.burst()).isEqualTo(100);
        assertThat(properties.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(properties.allowedResources()).containsExactly("observations.zen.kube-zen.io");
        assertThat(properties.allowedNamespaces()).isEmpty();
        assertThat(properties.localSinkFile()).isEqualTo(Path.of("./data/observations.jsonl"));
    }

    @Test
    void kebabCaseKeysBind() {
        WriterProperties properties = bind(Map.of(
                "zen-watcher.writer.qps", "20.5",
                "zen-watcher.writer.burst", "40",
                "zen-watcher.writer.max-attempts", "3",
                "zen-watcher.writer.backoff-initial", "50ms",
                "zen-watcher.writer.backoff-max", "5s",
                "zen-watcher.writer.allowed-resources", "observations.zen.kube-zen.io,reports.example.com",
                "zen-watcher.writer.allowed-namespaces", "apps,security",
                "zen-watcher.writer.local-sink-path", "/var/lib/zen/obs.jsonl"));

        assertThat(properties.qps()).isEqualTo(20.5);
        assertThat(properties.burst()).isEqualTo(40);
        assertThat(properties.retryPolicy()).isEqualTo(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)));
        assertThat(properties.allowedResources()).containsExactly("observations.zen.kube-zen.io", "reports.example.com");
        assertThat(properties.allowedNamespaces()).containsExactly("apps", "security");
        assertThat(properties.localSinkFile()).isEqualTo(Path.of("/var/lib/zen/obs.jsonl"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "qps|0|zen-watcher.writer.qps must be a positive number",
        "burst|0|zen-watcher.writer.burst must be at least 1",
        "max-attempts|0|zen-watcher.writer.max-attempts must be at least 1",
        "backoff-initial|0s|zen-watcher.writer.backoff-initial must be a positive duration",
        "backoff-max|1ms|zen-watcher.writer.backoff-max must be at least backoff-initial",
        "allowed-resources|observations.zen.kube-zen.io,clusterroles.rbac.authorization.k8s.io"
                + "|zen-watcher.writer.allowed-resources: 'clusterroles.rbac.authorization.k8s.io' can never be written"
    })
    void wrongValueFailsStartUpNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of("zen-watcher.writer." + key, value)))
                .isInstanceOf(BeanInstantiationException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void railsAreBuiltFromTheSettings() {
        WriteRails rails = bind(Map.of("zen-watcher.writer.allowed-namespaces", List.of("apps"))).rails(Install.DEFAULT);

        assertThat(rails.refuse(TestObservations.write("apps", "falco", Severity.HIGH, "fp")))
                .isEmpty();
        assertThat(rails.refuse(TestObservations.write("other", "falco", Severity.HIGH, "fp")))
                .isPresent();
    }

    private static WriterProperties bind(Map<String, Object> properties) {
        // Without environment deduction, so the test environment's own settings do not hide the defaults.
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(properties).start()) {
            return context.getBean(WriterProperties.class);
        }
    }
}
