package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.limit.InFlightBudget;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The receive path of ingester replicas sharing one real Redis. */
@WithRedis
class ReceivePathRedisIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] JSON_TYPE = {"Content-Type", "application/json"};

    /**
     * Two replicas receiving the same event at the same moment: exactly one creates its dedup record. Until that
     * one has queued the event, the others cannot tell a creator still at work from one that died, so they queue it
     * too, under the record's first-seen time: every entry names the same Observation. Once queued, it is a duplicate.
     */
    @Test
    void twoReplicasRacingOnAnEventQueueItUnderOneObservationName(RedisServerHandle redis) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (Ingester one = Ingester.start(config(redis)); Ingester other = Ingester.start(config(redis))) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Ingester target = i % 2 == 0 ? one : other;
                answers.add(senders.submit(() -> target.post("/ingest/falco", Fixtures.falcoEvent(7), JSON_TYPE)));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(202);
                accepted += JSON.readTree(response.body()).get("accepted").asInt();
                duplicates += JSON.readTree(response.body()).get("duplicates").asInt();
            }
            HttpResponse<String> afterwards = one.post("/ingest/falco", Fixtures.falcoEvent(7), JSON_TYPE);

            assertThat(accepted).as("deciding and queueing are one step, so exactly one replica queues it").isEqualTo(1);
            assertThat(accepted + duplicates).isEqualTo(16);
            assertThat(QueueStreams.entries(redis.sync())).singleElement()
                    .satisfies(entry -> assertThat(entry.getBody()).containsKey("observation"));
            assertThat(QueueStreams.statusUpdates(redis.sync())).as("at most one status update of its record")
                    .isLessThanOrEqualTo(1);
            assertThat(JSON.readTree(afterwards.body()).get("duplicates").asInt()).isEqualTo(1);
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * A repeat goes to Redis without its Observation; when its record is gone by then, Redis sends it back, and the
     * receiver sends it again with its Observation before answering. The metric counts those events.
     */
    @Test
    void aRepeatWhoseRecordIsGoneIsSentAgainWithItsObservationAndCounted(RedisServerHandle redis) throws Exception {
        try (Ingester ingester = Ingester.start(config(redis))) {
            String event = Fixtures.falcoEvent(3);
            assertThat(accepted(ingester.post("/ingest/falco", event, JSON_TYPE))).isOne();
            assertThat(accepted(ingester.post("/ingest/falco", event, JSON_TYPE))).as("a repeat").isZero();
            ScanIterator<String> records = ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches("*:dedup:falco:*"));
            while (records.hasNext()) {
                redis.sync().del(records.next());
            }

            HttpResponse<String> again = ingester.post("/ingest/falco", event, JSON_TYPE);

            assertThat(accepted(again)).as("new again, and queued with its Observation").isOne();
            assertThat(QueueStreams.entries(redis.sync())).filteredOn(entry -> entry.getBody().containsKey("observation"))
                    .hasSize(2).allSatisfy(entry -> assertThat(entry.getBody().get("observation")).isNotEmpty());
            assertThat(((RedisAdmissionStore) ingester.bean(AdmissionStore.class)).resentEvents()).isOne();
            assertThat(ingester.get("/prometheus").body()).containsPattern("(?m)^zen_watcher_admission_resent_total(\\{.*})? 1\\.0$");
        }
    }

    @Test
    void anAuditBatchOf400EventsIsOneRequest(RedisServerHandle redis) throws Exception {
        try (Ingester ingester = Ingester.start(config(redis))) {
            String batch = auditBatch(400);

            HttpResponse<String> first = ingester.post("/ingest/k8s-audit", batch, JSON_TYPE);
            HttpResponse<String> retried = ingester.post("/ingest/k8s-audit", batch, JSON_TYPE);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(JSON.readTree(first.body()).get("accepted").asInt()).isEqualTo(400);
            assertThat(JSON.readTree(retried.body()).get("duplicates").asInt()).isEqualTo(400);
            assertThat(QueueStreams.entries(redis.sync())).as("400 Observations")
                    .hasSize(400).allSatisfy(entry -> assertThat(entry.getBody()).containsKey("observation"));
            assertThat(QueueStreams.statusUpdates(redis.sync()))
                    .as("the status update each record's first repeat scheduled").isEqualTo(400);
            assertThat(QueueStreams.statusEntries(redis.sync())).as("one entry per shard the repeats' call touched")
                    .hasSizeLessThanOrEqualTo(QueueStreams.KEYS.shards());
        }
    }

    @Test
    void redisOutageIs503WithRetryAfterThenRecoversWithoutLosingTheRetry(@DedicatedRedis RedisServerHandle redis)
            throws Exception {
        Map<String, Object> config = new HashMap<>(config(redis));
        config.put("zen-watcher.redis.command-timeout", "500ms");
        try (Ingester ingester = Ingester.start(config)) {
            assertThat(ingester.post("/ingest/falco", Fixtures.falcoEvent(1), JSON_TYPE).statusCode()).isEqualTo(202);

            redis.stop();
            HttpResponse<String> refused = ingester.post("/ingest/falco", Fixtures.falcoEvent(2), JSON_TYPE);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));

            redis.start();
            Await.until("the ingester accepts again once Redis is back", Duration.ofSeconds(15),
                    () -> ingester.post("/ingest/falco", Fixtures.falcoEvent(2), JSON_TYPE).statusCode() == 202);
            assertThat(QueueStreams.length(redis.sync())).isEqualTo(1);
        }
    }

    /**
     * A batch waiting for the store holds the whole in-flight budget; a request that cannot get its share within
     * the wait is refused with 503 and Retry-After rather than parsed, and the budget comes back with the answer.
     */
    @Test
    void aRequestThatFindsTheInFlightBudgetTakenIsRefusedWith503(@DedicatedRedis RedisServerHandle redis)
            throws Exception {
        Map<String, Object> config = new HashMap<>(config(redis));
        config.put("zen-watcher.receiver.max-in-flight-bytes", 65_536);
        config.put("zen-watcher.receiver.max-in-flight-wait", "200ms");
        config.put("zen-watcher.redis.command-timeout", "10s");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (Ingester ingester = Ingester.start(config)) {
            InFlightBudget budget = ingester.bean(InFlightBudget.class);
            assertThat(ingester.post("/ingest/falco", Fixtures.falcoEvent(1), JSON_TYPE).statusCode()).isEqualTo(202);
            String batch = auditBatch(200);
            assertThat(batch.length()).as("larger than the budget, so it takes all of it").isGreaterThan(65_536);

            redis.command("CLIENT PAUSE 1500 WRITE");
            Future<HttpResponse<String>> held = sender.submit(() -> ingester.post("/ingest/k8s-audit", batch, JSON_TYPE));
            Await.until("the batch holds the budget", Duration.ofSeconds(5), () -> budget.inFlightBytes() == 65_536);
            HttpResponse<String> refused = ingester.post("/ingest/falco", Fixtures.falcoEvent(2), JSON_TYPE);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("max-in-flight-bytes");
            assertThat(held.get().statusCode()).as("the held batch is answered once Redis is back").isEqualTo(202);
            assertThat(budget.inFlightBytes()).isZero();
            assertThat(ingester.post("/ingest/falco", Fixtures.falcoEvent(2), JSON_TYPE).statusCode()).isEqualTo(202);
        } finally {
            sender.shutdownNow();
        }
    }

    private static Map<String, Object> config(RedisServerHandle redis) {
        return Map.of("zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true);
    }

    private static String auditBatch(int size) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.read("k8s-audit/single-event.json"));
        ObjectNode list = JSON.createObjectNode().put("kind", "EventList").put("apiVersion", "audit.k8s.io/v1");
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < size; i++) {
            JsonNode copy = event.deepCopy();
            ((ObjectNode) copy).put("auditID", String.format("5c1d0e44-aaaa-4b3c-8d2e-%012d", i));
            items.add(copy);
        }
        return JSON.writeValueAsString(list);
    }

    private static int accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("accepted").asInt();
    }
}
