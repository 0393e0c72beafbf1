package io.kubezen.watcher.source.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.pipeline.IngestPipeline;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example Ingester of deploy/examples turns a kube-bench Job's log into one Observation per failed or warned check. */
class KubeBenchExampleTest {

    private static final String FIXTURE = "/fixtures/logs/kube-bench/";

    @Test
    void failedAndWarnedChecksBecomeObservationsAndTheRestIsSkipped() throws Exception {
        IngesterSpec spec = DeployFiles.YAML.treeToValue(DeployFiles.read(DeployFiles.root()
                .resolve("examples/ingester-logs-kube-bench.yaml")).path("spec"), IngesterSpec.class);
        IngestPipeline pipeline = Fixtures.pipeline(SourceDefinition.of(spec, null));

        List<Object> observations = new ArrayList<>();
        for (String streamed : read("job.log").split("\n")) {
            LogLine line = LogLine.parse("kube-bench", "kube-bench-x7k2p", "kube-bench", streamed);
            pipeline.process(LogsAdapter.payload(line)).accepted().stream().map(IngestedEvent::observation)
                    .forEach(observations::add);
        }

        JsonNode expected = Fixtures.JSON.readTree(read("job.expected.json"));
        assertThat(Fixtures.tree(observations)).isEqualTo(expected);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = KubeBenchExampleTest.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
