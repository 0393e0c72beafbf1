package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.ingester.Ingester;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueuedObservation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The receive path through real HTTP on its embedded stores: every answer code a sender can meet. */
class ReceivePathIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "falco-token-1";
    private static final String HMAC_KEY = "hmac-key-1";
    private static final String JSON_TYPE = "application/json";

    private static Ingester ingester;

    @BeforeAll
    static void start() {
        ingester = Ingester.start(Map.ofEntries(
                Map.entry("zen-watcher.sources.secure-falco.type", "falco"),
                Map.entry("zen-watcher.sources.secure-falco.webhook.auth.mode", "bearer"),
                Map.entry("zen-watcher.sources.secure-falco.webhook.auth.bearer.secretRef.value", TOKEN),
                Map.entry("zen-watcher.sources.secure-falco.webhook.limits.maxBodyBytes", 16384),
                Map.entry("zen-watcher.sources.secure-falco.webhook.limits.maxNestingDepth", 16),
                Map.entry("zen-watcher.sources.secure-falco.webhook.limits.ratePerSecond", 0.001),
                Map.entry("zen-watcher.sources.secure-falco.webhook.limits.burst", 1000),
                Map.entry("zen-watcher.sources.signed.type", "alertmanager"),
                Map.entry("zen-watcher.sources.signed.webhook.auth.mode", "hmac"),
                Map.entry("zen-watcher.sources.signed.webhook.auth.hmac.secretRef.value", HMAC_KEY),
                Map.entry("zen-watcher.sources.fenced.type", "webhook"),
                Map.entry("zen-watcher.sources.fenced.webhook.auth.mode", "none"),
                Map.entry("zen-watcher.sources.fenced.webhook.auth.allowedCidrs", List.of("192.0.2.0/24")),
                Map.entry("zen-watcher.sources.throttled.type", "webhook"),
                Map.entry("zen-watcher.sources.throttled.webhook.auth.mode", "none"),
                Map.entry("zen-watcher.sources.throttled.webhook.limits.ratePerSecond", 0.001),
                Map.entry("zen-watcher.sources.throttled.webhook.limits.burst", 1)));
    }

    @AfterAll
    static void stop() {
        ingester.close();
    }

    @Test
    void acceptedEventIsQueuedAndItsRepeatIsADuplicate() throws Exception {
        String event = Fixtures.falcoEvent(1);

        HttpResponse<String> first = postFalco(event);
        HttpResponse<String> second = postFalco(event);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree(
                "{\"source\":\"secure-falco\",\"received\":1,\"accepted\":1,\"duplicates\":0,\"filtered\":0}"));
        assertThat(JSON.readTree(second.body()).get("duplicates").asInt()).isEqualTo(1);
        EventQueue queue = ingester.bean(EventQueue.class);
        queue.ensureGroup("it");
        List<QueueEntry> entries = queue.read("it", "reader", 100, Duration.ZERO);
        assertThat(entries).extracting(QueueEntry::item).filteredOn(QueuedObservation.class::isInstance)
                .extracting(item -> ((QueuedObservation) item).observation().spec().eventType())
                .contains("terminal_shell_1");
    }

    @Test
    void requestLatencyIsExportedAsAHistogramPerSourceAndAnswer() {
        postFalco(Fixtures.falcoEvent(9));

        String metrics = ingester.get("/prometheus").body();

        assertThat(metrics).contains("zen_watcher_request_duration_seconds_bucket{install=\"zen-watcher\",outcome=\"202\","
                + "source=\"secure-falco\"");
        assertThat(metrics).contains("zen_watcher_events_received_total{install=\"zen-watcher\",source=\"secure-falco\"}");
        assertThat(ingester.get("/prometheus").body()).as("requests outside /ingest are not timed")
                .doesNotContain("zen_watcher_request_duration_seconds_count{install=\"zen-watcher\",outcome=\"200\"");
    }

    @Test
    void gzipBodiesAreDecodedWithinTheSourceLimits() {
        HttpResponse<String> response = ingester.post("/ingest/secure-falco",
                Ingester.gzip(Fixtures.falcoEvent(2).getBytes(StandardCharsets.UTF_8)),
                "Authorization", "Bearer " + TOKEN, "Content-Type", JSON_TYPE, "Content-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(postFalco("{\"rule\": "), 400);
    }

    @Test
    void missingOrWrongTokenIs401() throws Exception {
        assertProblem(ingester.post("/ingest/secure-falco", Fixtures.falcoEvent(3), "Content-Type", JSON_TYPE), 401);
        assertProblem(ingester.post("/ingest/secure-falco", Fixtures.falcoEvent(3),
                "Authorization", "Bearer nope", "Content-Type", JSON_TYPE), 401);
    }

    @Test
    void builtinSourceWithoutAuthenticationRefusesAndSaysHowToConfigureIt() throws Exception {
        HttpResponse<String> response = ingester.post("/ingest/falco", Fixtures.falcoEvent(4), "Content-Type", JSON_TYPE);

        assertProblem(response, 401);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("none");
    }

    @Test
    void senderOutsideTheAllowedNetworksIs403() throws Exception {
        assertProblem(ingester.post("/ingest/fenced", "{\"a\":1}", "Content-Type", JSON_TYPE), 403);
    }

    @Test
    void unknownSourceIs404() throws Exception {
        assertProblem(ingester.post("/ingest/no-such-source", "{}", "Content-Type", JSON_TYPE), 404);
    }

    @Test
    void bodyOverTheSourceLimitIs413() throws Exception {
        String big = "{\"rule\":\"" + "x".repeat(17_000) + "\"}";
        assertProblem(postFalco(big), 413);
    }

    @Test
    void gzipBombIs413() throws Exception {
        byte[] bomb = Ingester.gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(16384);

        assertProblem(ingester.post("/ingest/secure-falco", bomb, "Authorization", "Bearer " + TOKEN,
                "Content-Type", JSON_TYPE, "Content-Encoding", "gzip"), 413);
    }

    @Test
    void deepNestingIsRejectedAsMalformed() throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertProblem(postFalco(deep), 400);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertProblem(ingester.post("/ingest/secure-falco", Fixtures.falcoEvent(5),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "text/csv"), 415);
    }

    @Test
    void wellFormedButNotAFalcoEventIs422() throws Exception {
        assertProblem(postFalco("{\"hello\":\"world\"}"), 422);
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        assertThat(ingester.post("/ingest/throttled", "{\"a\":1}", "Content-Type", JSON_TYPE).statusCode()).isEqualTo(202);

        HttpResponse<String> refused = ingester.post("/ingest/throttled", "{\"a\":2}", "Content-Type", JSON_TYPE);

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void hmacSignatureMustMatchTheBodyAsSent() throws Exception {
        String body = Fixtures.read("alertmanager/firing-and-resolved.json");

        HttpResponse<String> signed = ingester.post("/ingest/signed", body, "Content-Type", JSON_TYPE,
                "X-Hub-Signature-256", "sha256=" + hmac(body));
        HttpResponse<String> forged = ingester.post("/ingest/signed", body.replace("firing", "resolved"),
                "Content-Type", JSON_TYPE, "X-Hub-Signature-256", "sha256=" + hmac(body));
        HttpResponse<String> unsigned = ingester.post("/ingest/signed", body, "Content-Type", JSON_TYPE);

        assertThat(signed.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(signed.body()).get("received").asInt()).isEqualTo(2);
        assertProblem(forged, 401);
        assertProblem(unsigned, 401);
    }

    private static HttpResponse<String> postFalco(String body) {
        return ingester.post("/ingest/secure-falco", body, "Authorization", "Bearer " + TOKEN, "Content-Type", JSON_TYPE);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
