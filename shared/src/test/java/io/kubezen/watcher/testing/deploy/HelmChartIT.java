package io.kubezen.watcher.testing.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The chart lints cleanly and renders only manifests a strict API server accepts, for the default, minimal and
 * production values; values that would break the restricted Pod Security Standard or leak a password are refused
 * before anything renders.
 */
class HelmChartIT {

    private static ZenWatcherChart chart;
    private static ManifestValidator validator;

    @BeforeAll
    static void tools() {
        DeployTools tools = DeployTools.get();
        Path work = Path.of("target", "deploy-checks");
        chart = new ZenWatcherChart(new Helm(tools, work.resolve("helm-home")));
        validator = new ManifestValidator(tools, work);
    }

    static Stream<Arguments> valueSets() {
        return Stream.of(
                arguments("default", List.of()),
                arguments("minimal", List.of("values-minimal.yaml")),
                arguments("production", List.of("values-production.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void lintsWithoutWarnings(String name, List<String> valuesFiles) {
        ProcessRun lint = chart.lint(valuesFiles);

        assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void rendersOnlyValidManifests(String name, List<String> valuesFiles) {
        List<Manifest> manifests = chart.render(valuesFiles);

        assertThat(manifests).extracting(Manifest::kind)
                .contains("CustomResourceDefinition", "Deployment", "Service", "ServiceAccount", "ConfigMap");
        assertThat(validator.problems(manifests)).isEmpty();
    }

    @Test
    void productionValuesRenderEveryOptionalPart() {
        List<Manifest> manifests = chart.render(List.of("values-production.yaml"));

        assertThat(manifests).extracting(Manifest::kind).contains("ScaledObject", "TriggerAuthentication",
                "ServiceMonitor", "PrometheusRule", "NetworkPolicy", "PodDisruptionBudget");
        assertThat(manifests).extracting(Manifest::name).contains("zen-watcher-dashboard");
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                arguments("podSecurityContext.runAsNonRoot=false", "runAsNonRoot"),
                arguments("securityContext.allowPrivilegeEscalation=true", "allowPrivilegeEscalation"),
                arguments("securityContext.capabilities.drop={NET_RAW}", "drop"),
                arguments("redis.uri=redis://:hunter2@redis:6379/0", "redis.uri"),
                arguments("redis.uri=http://redis:6379", "redis.uri"),
                arguments("redis.mode=sentinel", "redis.mode"),
                arguments("redis.uri=redis-sentinel://s1:26379", "redis.uri"),
                arguments("redis.tls.existingSecret=redis-ca,redis.tls.certKey=tls.crt", "redis.tls.keyKey"),
                arguments("redis.auth.uriKey=redis-uri", "redis.auth.existingSecret"),
                arguments("writer.keda.lagCount=0", "lagCount"),
                arguments("install.name=Team_A", "install.name"),
                arguments("install.namespaces={team-a,Team_B}", "install.namespaces"),
                arguments("install.namespaces={team-a}", "install.namespaces must hold \"zen-system\""),
                arguments("install.namespaces={zen-system},writer.allowedNamespaces={team-b}", "writer.allowedNamespaces"),
                arguments("ingester.replicaz=3", "replicaz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedValues")
    void refusesValuesThatWouldBreakTheInstall(String set, String namedInError) {
        ProcessRun run = chart.attempt(List.of(), set);

        assertThat(run.exitCode()).as(run.stdout()).isNotZero();
        assertThat(run.stderr()).contains(namedInError);
    }
}
