package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.fingerprint.Fingerprinter;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.SourceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * falcosidekick's CloudEvents output carries the alert that its webhook output posts to the falco source.
 * Whichever way an alert comes, it must read the same and be deduplicated by the same fields.
 */
class FalcoCloudEventsTest {

    private static final SourceDefinition FALCO = SourceDefinition.builtin(SourceType.FALCO);

    static List<FixtureCase> falcosidekickEvents() {
        return FixtureCase.all().stream().filter(c -> c.name().startsWith("cloudevents/falcosidekick-")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("falcosidekickEvents")
    void readsAsTheSameAlertPostedToTheFalcoSource(FixtureCase fixture) throws Exception {
        ObservationSpec viaCloudEvents = only(Fixtures.pipeline(fixture.definition()).process(fixture.payload()));
        ObservationSpec viaFalco = only(Fixtures.pipeline(FALCO).process(Payload.json(alert(fixture))));

        assertThat(viaCloudEvents.severity()).isEqualTo(viaFalco.severity());
        assertThat(viaCloudEvents.eventType()).isEqualTo(viaFalco.eventType());
        assertThat(viaCloudEvents.resource()).isNotNull().isEqualTo(viaFalco.resource());
        assertThat(viaCloudEvents.category()).isEqualTo(viaFalco.category());
        assertThat(viaCloudEvents.title()).isEqualTo(viaFalco.title());
        assertThat(viaCloudEvents.description()).isEqualTo(viaFalco.description());
        assertThat(viaCloudEvents.detectedAt()).isEqualTo(viaFalco.detectedAt());
        Map<String, Object> details = new LinkedHashMap<>(viaCloudEvents.details());
        assertThat(details.remove("cloudevent")).as("the event's attributes").isNotNull();
        assertThat(details).isEqualTo(viaFalco.details());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("falcosidekickEvents")
    void isFingerprintedByTheFalcoSourcesFields(FixtureCase fixture) throws Exception {
        ObservationSpec viaCloudEvents = only(Fixtures.pipeline(fixture.definition()).process(fixture.payload()));
        SourceAdapter falco = Fixtures.REGISTRY.find(SourceType.FALCO).orElseThrow();
        Fingerprinter byFalcoFields = Fingerprinter.compile(fixture.definition().name(),
                falco.defaults(FALCO).fingerprintFields(), "fingerprintFields", new ConfigErrors());

        assertThat(viaCloudEvents.fingerprint()).isEqualTo(byFalcoFields.fingerprint(viaCloudEvents));
    }

    /** The alert as falcosidekick's webhook output would post it: the event's data. */
    private static byte[] alert(FixtureCase fixture) throws IOException {
        if (!"application/cloudevents+json".equals(fixture.contentType())) {
            return fixture.body();
        }
        ObjectNode event = (ObjectNode) Fixtures.JSON.readTree(fixture.body());
        return Fixtures.JSON.writeValueAsBytes(event.get("data"));
    }

    private static ObservationSpec only(PipelineResult result) {
        assertThat(result.accepted()).hasSize(1);
        return result.accepted().get(0).observation().spec();
    }
}
