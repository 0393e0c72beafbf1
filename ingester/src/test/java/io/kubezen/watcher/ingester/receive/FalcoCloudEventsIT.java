package io.kubezen.watcher.ingester.receive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservation;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * falcosidekick's CloudEvents output as a Knative broker delivers it (binary mode, attributes in headers)
 * over real HTTP: the alert is queued as the same alert posted to {@code /ingest/falco} would be, and the
 * next event carrying it again is a duplicate, although its id is new.
 */
class FalcoCloudEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFalcoAlertInACloudEventIsQueuedAsTheFalcoSourceQueuesIt() throws Exception {
        String alert = Fixtures.read("cloudevents/falcosidekick-binary.json");
        JsonNode request = JSON.readTree(Fixtures.read("cloudevents/falcosidekick-binary.request.json"));
        try (Ingester server = Ingester.start(Map.of(), "dev")) {
            HttpResponse<String> viaCloudEvents = server.post("/ingest/cloudevents", alert, headers(request, "1"));
            HttpResponse<String> again = server.post("/ingest/cloudevents", alert, headers(request, "2"));
            HttpResponse<String> viaFalco = server.post("/ingest/falco", alert, "Content-Type", "application/json");

            assertThat(viaCloudEvents.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).as("a new event, the same alert")
                    .isEqualTo(1);
            assertThat(viaFalco.statusCode()).isEqualTo(202);
            List<ObservationSpec> queued = queued(server);
            assertThat(queued).extracting(ObservationSpec::source).containsExactly("cloudevents", "falco");
            ObservationSpec cloudEvent = queued.get(0);
            ObservationSpec falco = queued.get(1);
            assertThat(cloudEvent.severity()).isEqualTo(falco.severity());
            assertThat(cloudEvent.eventType()).isEqualTo(falco.eventType()).isEqualTo("read_sensitive_file_untrusted");
            assertThat(cloudEvent.resource()).isEqualTo(falco.resource());
            assertThat(cloudEvent.details().get("cloudevent")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("type", "falco.rule.output.v1").containsEntry("source", "https://falco.org");
        }
    }

    /** The fixture's headers, with the event id made unique as falcosidekick does per event. */
    private static String[] headers(JsonNode request, String idSuffix) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", request.get("contentType").asText()));
        request.get("headers").fields().forEachRemaining(header -> {
            headers.add(header.getKey());
            headers.add(header.getKey().equals("Ce-Id") ? header.getValue().asText() + idSuffix
                    : header.getValue().asText());
        });
        return headers.toArray(String[]::new);
    }

    private static List<ObservationSpec> queued(Ingester server) {
        EventQueue queue = server.bean(EventQueue.class);
        queue.ensureGroup("it");
        // A repeat also queues its record's status update; only the Observations matter here.
        return queue.read("it", "reader", 100, Duration.ZERO).stream().map(QueueEntry::item)
                .filter(QueuedObservation.class::isInstance)
                .map(item -> ((QueuedObservation) item).observation().spec()).toList();
    }
}
