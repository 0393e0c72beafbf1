package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report that is deleted and created again (new uid, resourceVersion, times) yields the same fingerprints, so
 * dedup recognises its findings within the window; the Go original counted them as new.
 */
class InformerFingerprintsTest {

    static List<FixtureCase> informerCases() {
        return FixtureCase.all().stream().filter(c -> c.name().startsWith("informer/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("informerCases")
    void recreatedObjectKeepsItsFingerprints(FixtureCase fixture) throws Exception {
        ObjectNode recreated = (ObjectNode) Fixtures.JSON.readTree(fixture.body());
        ObjectNode metadata = (ObjectNode) recreated.get("metadata");
        metadata.put("uid", "00000000-0000-0000-0000-000000000000").put("resourceVersion", "999999")
                .put("creationTimestamp", "2025-01-01T00:00:00Z");
        if (recreated.has("report")) {
            ((ObjectNode) recreated.get("report")).put("updateTimestamp", "2025-01-01T00:00:01Z");
        }
        if (recreated.has("count")) {
            recreated.put("count", 99).put("lastTimestamp", "2025-01-01T00:00:02Z");
        }
        IngestPipeline pipeline = Fixtures.pipeline(fixture.definition());

        assertThat(fingerprints(pipeline.process(fixture.payload(Fixtures.JSON.writeValueAsBytes(recreated)))))
                .isEqualTo(fingerprints(pipeline.process(fixture.payload())));
    }

    private static List<String> fingerprints(PipelineResult result) {
        return result.accepted().stream().map(IngestedEvent::fingerprint).toList();
    }
}
