package io.kubezen.watcher.testing.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The helm binary of {@link DeployTools}, with its state kept in the build directory instead of the user's home. */
final class Helm {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path binary;
    private final Map<String, String> environment;

    Helm(DeployTools tools, Path home) {
        this.binary = tools.helm();
        this.environment = Map.of(
                "HELM_CACHE_HOME", home.resolve("cache").toString(),
                "HELM_CONFIG_HOME", home.resolve("config").toString(),
                "HELM_DATA_HOME", home.resolve("data").toString());
    }

    /** {@code helm lint --strict}: warnings fail too. */
    ProcessRun lint(Path chart, List<Path> valuesFiles) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "lint", "--strict", chart.toString()));
        valuesFiles.forEach(f -> command.addAll(List.of("--values", f.toString())));
        return run(command);
    }

    /** {@code helm template} with the chart's CRDs; {@code sets} are {@code key=value} overrides. */
    ProcessRun template(Path chart, String release, String namespace, List<Path> valuesFiles, List<String> sets) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "template", release, chart.toString(),
                "--namespace", namespace, "--include-crds"));
        valuesFiles.forEach(f -> command.addAll(List.of("--values", f.toString())));
        sets.forEach(s -> command.addAll(List.of("--set", s)));
        return run(command);
    }

    /** {@code helm install} into the cluster of {@code kubeconfig}, without waiting for pods. */
    ProcessRun install(Path chart, String release, String namespace, Path kubeconfig, List<Path> valuesFiles) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "install", release, chart.toString(),
                "--namespace", namespace, "--kubeconfig", kubeconfig.toString()));
        valuesFiles.forEach(f -> command.addAll(List.of("--values", f.toString())));
        return run(command);
    }

    /** {@code helm get manifest}: what an install applied, as the release records it. */
    ProcessRun manifest(String release, String namespace, Path kubeconfig) {
        return run(List.of(binary.toString(), "get", "manifest", release, "--namespace", namespace,
                "--kubeconfig", kubeconfig.toString()));
    }

    private ProcessRun run(List<String> command) {
        return ProcessRun.run(command, "", environment, TIMEOUT);
    }
}
