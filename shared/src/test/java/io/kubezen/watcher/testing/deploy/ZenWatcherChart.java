package io.kubezen.watcher.testing.deploy;

import io.kubezen.watcher.testing.crd.DeployFiles;

import java.nio.file.Path;
import java.util.List;

/** The chart in {@code deploy/helm/zen-watcher}, installed as the docs do: release zen-watcher in zen-system. */
final class ZenWatcherChart {

    static final String RELEASE = "zen-watcher";
    static final String NAMESPACE = "zen-system";

    private final Helm helm;
    private final Path directory = DeployFiles.root().resolve("helm").resolve("zen-watcher");

    ZenWatcherChart(Helm helm) {
        this.helm = helm;
    }

    Path directory() {
        return directory;
    }

    ProcessRun lint(List<String> valuesFiles) {
        return helm.lint(directory, paths(valuesFiles));
    }

    /** Rendering that must succeed; {@code sets} are helm {@code --set} overrides. */
    List<Manifest> render(List<String> valuesFiles, String... sets) {
        ProcessRun run = attempt(valuesFiles, sets).requireSuccess();
        return Manifest.parse(run.stdout(), "helm template " + String.join(" ", valuesFiles) + " " + String.join(" ", sets));
    }

    /** Rendering that may fail, for values the chart must refuse. */
    ProcessRun attempt(List<String> valuesFiles, String... sets) {
        return helm.template(directory, RELEASE, NAMESPACE, paths(valuesFiles), List.of(sets));
    }

    private List<Path> paths(List<String> valuesFiles) {
        return valuesFiles.stream().map(directory::resolve).toList();
    }
}
