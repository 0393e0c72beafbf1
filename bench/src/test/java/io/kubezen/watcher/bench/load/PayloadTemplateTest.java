package io.kubezen.watcher.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench's payload files go through the real pipeline: the id must be what makes events differ for dedup. */
class PayloadTemplateTest {

    private static final Path PAYLOADS = Path.of("payloads");
    private static final SourceCompiler COMPILER = new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT);

    @Test
    void replacesEveryIdAndJoinsABatchInsideTheEnvelope() throws Exception {
        PayloadTemplate template = new PayloadTemplate("{\"a\":\"{{id}}\",\"b\":\"x-{{id}}\"}", "{\"items\":[{{events}}]}");

        JsonNode body = new ObjectMapper().readTree(template.body(List.of("7", "8")));

        assertThat(body.toString()).isEqualTo("{\"items\":[{\"a\":\"7\",\"b\":\"x-7\"},{\"a\":\"8\",\"b\":\"x-8\"}]}");
    }

    @Test
    void aTemplateWithoutItsMarkerIsRefused() {
        assertThatThrownBy(() -> new PayloadTemplate("{}", "{{events}}")).hasMessageContaining("{{id}}");
        assertThatThrownBy(() -> new PayloadTemplate("{{id}}", "[]")).hasMessageContaining("{{events}}");
    }

    @Test
    void falcoEventsWithTheSameIdShareAFingerprintAndDifferentIdsDoNot() throws Exception {
        PayloadTemplate falco = PayloadTemplate.read(PAYLOADS.resolve("falco-event.json"), Optional.empty());

        String first = fingerprints(SourceType.FALCO, falco.body(List.of("n1-1-1"))).get(0);

        assertThat(fingerprints(SourceType.FALCO, falco.body(List.of("n1-1-1")))).containsExactly(first);
        assertThat(fingerprints(SourceType.FALCO, falco.body(List.of("n1-1-2")))).doesNotContain(first);
    }

    @Test
    void anAuditBatchCarriesOneEventPerIdAllAcceptedAndDeduplicatedById() throws Exception {
        PayloadTemplate audit = PayloadTemplate.read(PAYLOADS.resolve("k8s-audit-event.json"),
                Optional.of(PAYLOADS.resolve("k8s-audit-envelope.json")));
        List<String> ids = IntStream.rangeClosed(1, 100).mapToObj(i -> "n1-1-" + (i % 50)).toList();

        List<String> fingerprints = fingerprints(SourceType.K8S_AUDIT, audit.body(ids));

        assertThat(fingerprints).hasSize(100);
        assertThat(fingerprints.stream().distinct()).hasSize(50);
    }

    private static List<String> fingerprints(SourceType type, byte[] body) throws Exception {
        PipelineResult result = COMPILER.compile(SourceDefinition.builtin(type)).process(Payload.json(body));
        assertThat(result.filteredTotal()).as("events the builtin source filters out").isZero();
        return result.accepted().stream().map(IngestedEvent::fingerprint).toList();
    }
}
