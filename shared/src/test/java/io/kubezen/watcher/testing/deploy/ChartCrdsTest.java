package io.kubezen.watcher.testing.deploy;

import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Helm installs CRDs only from the chart's own crds/ directory, so it must hold exactly what deploy/crds holds. */
class ChartCrdsTest {

    @Test
    void chartCrdsAreCopiesOfTheRepositoryCrds() {
        Path crds = DeployFiles.root().resolve("crds");
        Path chartCrds = DeployFiles.root().resolve("helm/zen-watcher/crds");

        assertThat(names(chartCrds)).isEqualTo(names(crds));
        for (Path crd : DeployFiles.yamlFiles(crds)) {
            assertThat(chartCrds.resolve(crd.getFileName()))
                    .as("%s differs from %s: cp deploy/crds/*.yaml deploy/helm/zen-watcher/crds/", chartCrds.resolve(crd.getFileName()), crd)
                    .hasSameBinaryContentAs(crd);
        }
    }

    private static List<String> names(Path dir) {
        return DeployFiles.yamlFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
    }
}
