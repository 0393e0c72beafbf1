package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's alert rules pass Prometheus' own checks: {@code promtool check rules} on the rendered PrometheusRule's
 * groups, and {@code promtool test rules} with the unit tests of the Observation alerts
 * ({@code src/test/resources/promtool/}). promtool comes with Debian's {@code prometheus} package, which
 * {@code .ci/run} installs; where it is missing the test is skipped with a message saying so.
 */
class PrometheusRuleIT {

    private static final String UNIT_TESTS = "observation-alerts.test.yaml";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final YAMLMapper YAML = new YAMLMapper();

    private static ZenWatcherChart chart;

    @TempDir
    Path work;

    @BeforeAll
    static void tools() {
        DeployTools.runOnlyIf(DeployTools.onPath("promtool"), "promtool is not on the PATH, so the chart's alert rules "
                + "are not checked; install Debian's prometheus package (apt-get install prometheus) to run the check");
        chart = new ZenWatcherChart(new Helm(DeployTools.get(), Path.of("target", "deploy-checks", "helm-home")));
    }

    @Test
    void theRenderedRulesPassPromtoolCheck() throws IOException {
        Path rules = rules("values-production.yaml");

        ProcessRun check = promtool("check", "rules", rules.toString());

        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
    }

    @Test
    void theObservationAlertsPassTheirUnitTests() throws IOException {
        rules(null);
        Path tests = work.resolve(UNIT_TESTS);
        try (InputStream in = PrometheusRuleIT.class.getResourceAsStream("/promtool/" + UNIT_TESTS)) {
            Files.copy(in, tests);
        }

        ProcessRun test = promtool("test", "rules", tests.toString());

        assertThat(test.exitCode()).as(test.stdout() + test.stderr()).isZero();
    }

    /**
     * Writes the groups of the PrometheusRule, rendered with a silence threshold for k8s-audit, to
     * {@code rules.yaml}, where the unit tests look for it.
     */
    private Path rules(String valuesFile) throws IOException {
        List<Manifest> manifests = chart.render(valuesFile == null ? List.of() : List.of(valuesFile),
                "monitoring.prometheusRule.enabled=true", "monitoring.prometheusRule.silentSources.k8s-audit=600");
        JsonNode rule = manifests.stream().filter(m -> m.kind().equals("PrometheusRule")).findFirst()
                .orElseThrow(() -> new AssertionError("no PrometheusRule rendered")).object();
        List<String> alerts = new ArrayList<>();
        rule.at("/spec/groups").forEach(group -> group.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertThat(alerts).contains("ZenWatcherCriticalObservation", "ZenWatcherObservationBurst",
                "ZenWatcherSourceSilent", "ZenWatcherDeadLetters");
        Path file = work.resolve("rules.yaml");
        YAML.writeValue(file.toFile(), Map.of("groups", rule.at("/spec/groups")));
        return file;
    }

    private static ProcessRun promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        return ProcessRun.run(command, "", Map.of(), TIMEOUT);
    }
}
