package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteRailsTest {

    private static final DestinationResource SECRETS = new DestinationResource("", "v1", "Secret", "secrets");
    private static final DestinationResource REPORTS =
            new DestinationResource("example.com", "v1", "Report", "reports");

    private final ObservationWrite observation = TestObservations.write("apps", "falco", Severity.HIGH, "fp");

    @Test
    void defaultsAllowObservationsInAnyNamespace() {
        assertThat(WriteRails.defaults().refuse(observation)).isEmpty();
        assertThat(WriteRails.defaults().refuse(TestObservations.write("kube-system", "falco", Severity.HIGH, "fp")))
                .isEmpty();
    }

    @Test
    void resourceNotOnTheAllowlistIsDeniedPermanently() {
        WriteResult result = WriteRails.defaults().refuse(observation.withDestination(REPORTS)).orElseThrow();

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.DENIED);
        assertThat(result.message()).contains("reports.example.com");
    }

    @Test
    void configuredResourceIsAllowedInAnyVersion() {
        WriteRails rails = new WriteRails(List.of("observations.zen.kube-zen.io", "reports.example.com"), List.of());

        assertThat(rails.refuse(observation.withDestination(REPORTS))).isEmpty();
        assertThat(rails.refuse(observation.withDestination(new DestinationResource("example.com", "v2", "Report", "reports"))))
                .isEmpty();
    }

    @Test
    void neverWritableResourceIsDeniedEvenWithoutConfiguration() {
        assertThat(WriteRails.defaults().refuse(observation.withDestination(SECRETS)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(FailureReason.DENIED));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "secrets", "serviceaccounts", "clusterrolebindings.rbac.authorization.k8s.io",
        "roles.rbac.authorization.k8s.io", "mutatingwebhookconfigurations.admissionregistration.k8s.io",
        "validatingwebhookconfigurations.admissionregistration.k8s.io",
        "customresourcedefinitions.apiextensions.k8s.io", "certificatesigningrequests.certificates.k8s.io",
        "pods", "deployments.apps"
    })
    void configuringANeverWritableResourceFailsNamingTheKey(String resource) {
        assertThatThrownBy(() -> new WriteRails(List.of("observations.zen.kube-zen.io", " " + resource), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("zen-watcher.writer.allowed-resources: '" + resource + "' can never be written");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "Observations.zen.kube-zen.io", "zen.kube-zen.io/v1alpha1/observations", "pods/exec"})
    void malformedResourceFailsNamingTheKey(String resource) {
        assertThatThrownBy(() -> new WriteRails(List.of(resource), List.of()))
                .hasMessageStartingWith("zen-watcher.writer.allowed-resources: '" + resource + "' is not a resource");
    }

    @Test
    void namespaceAllowlistRestrictsWhereWritesGo() {
        WriteRails rails = new WriteRails(WriteRails.DEFAULT_ALLOWED_RESOURCES, List.of("apps", "security"));

        assertThat(rails.refuse(observation)).isEmpty();
        assertThat(rails.refuse(TestObservations.write("kube-system", "falco", Severity.HIGH, "fp")))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(FailureReason.DENIED);
                    assertThat(r.message()).contains("namespace kube-system is not allowed");
                });
    }

    @Test
    void writesStayWithinTheInstallsNamespacesWhateverTheAllowlistSays() {
        WriteRails rails = new WriteRails(WriteRails.DEFAULT_ALLOWED_RESOURCES, List.of(),
                new Install("team-a", List.of("apps")));

        assertThat(rails.refuse(observation)).isEmpty();
        assertThat(rails.refuse(TestObservations.write("team-b", "falco", Severity.HIGH, "fp")))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(FailureReason.DENIED);
                    assertThat(r.message()).isEqualTo("namespace team-b is not one of install team-a's namespaces"
                            + " [apps] (zen-watcher.install.namespaces)");
                });
    }
}
