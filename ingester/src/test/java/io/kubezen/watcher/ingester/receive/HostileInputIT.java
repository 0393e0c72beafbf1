package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated malformed or hostile requests across every source type, through real HTTP: none may
 * get a 5xx answer, the server keeps its memory, and answers a valid event correctly afterwards. The generator
 * is seeded, so a failure replays exactly.
 */
class HostileInputIT {

    private static final long SEED = 20261124L;
    private static final int REQUESTS = 10_000;
    private static final String TOKEN = "hostile-token";
    private static final String[] SOURCES = {"falco", "k8s-audit", "alertmanager", "cloudevents", "webhook", "signed"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/cloudevents+json",
        "application/cloudevents-batch+json", "text/csv", "application/xml", "multipart/form-data; boundary=x", ""};

    private static Ingester ingester;

    @BeforeAll
    static void start() {
        Map<String, Object> config = new TreeMap<>();
        for (String source : new String[] {"falco", "k8s-audit", "alertmanager", "cloudevents", "webhook"}) {
            config.put("zen-watcher.sources." + source + ".type", source);
            config.put("zen-watcher.sources." + source + ".webhook.auth.mode", "none");
        }
        config.put("zen-watcher.sources.signed.type", "webhook");
        config.put("zen-watcher.sources.signed.webhook.auth.mode", "hmac");
        config.put("zen-watcher.sources.signed.webhook.auth.hmac.secretRef.value", TOKEN);
        ingester = Ingester.start(config);
    }

    @AfterAll
    static void stop() {
        ingester.close();
    }

    @Test
    void tenThousandHostileRequestsGetNoServerErrorAndLeaveTheServerHealthy() throws Exception {
        Random random = new Random(SEED);
        List<Function<Random, byte[]>> bodies = List.of(
                HostileInputIT::randomBytes, HostileInputIT::truncatedFixture, HostileInputIT::deepNesting,
                HostileInputIT::wrongTypes, HostileInputIT::unicodeEdges, HostileInputIT::hugeNumbers,
                HostileInputIT::longString, r -> Ingester.gzip(new byte[r.nextInt(4) * 1024 * 1024]),
                r -> Ingester.gzip(truncatedFixture(r)), r -> "{}".getBytes(StandardCharsets.UTF_8));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            // Only the answer codes are kept: a response holds its request, and so the body sent.
            List<Future<Integer>> answers = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                int kind = random.nextInt(bodies.size());
                byte[] body = bodies.get(kind).apply(random);
                String source = SOURCES[random.nextInt(SOURCES.length)];
                List<String> headers = new ArrayList<>();
                String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                if (!type.isEmpty()) {
                    headers.addAll(List.of("Content-Type", type));
                }
                if (kind == 7 || kind == 8 || random.nextInt(20) == 0) {
                    headers.addAll(List.of("Content-Encoding", random.nextBoolean() ? "gzip" : "br"));
                }
                if (random.nextBoolean()) {
                    headers.addAll(List.of("X-Hub-Signature-256", "sha256=" + Long.toHexString(random.nextLong())));
                }
                if (random.nextInt(10) == 0) {
                    headers.addAll(List.of("ce-id", "1", "ce-specversion", random.nextBoolean() ? "1.0" : "0.3"));
                }
                String[] headerArray = headers.toArray(String[]::new);
                answers.add(senders.submit(() -> ingester.post("/ingest/" + source, body, headerArray).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(statuses.keySet()).as("answer codes %s", statuses).allSatisfy(code -> assertThat(code).isBetween(200, 499));
        assertThat(statuses).containsKeys(400, 413, 415, 422);
        HttpResponse<String> valid = ingester.post("/ingest/falco", Fixtures.falcoEvent(424242), "Content-Type", "application/json");
        assertThat(valid.statusCode()).isEqualTo(202);
        assertThat(valid.body()).contains("\"accepted\":1");
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        assertThat(runtime.totalMemory() - runtime.freeMemory()).as("heap in use after the flood")
                .isLessThan(512L * 1024 * 1024);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] truncatedFixture(Random random) {
        String[] fixtures = {"falco/http-output.json", "falco/falcosidekick.json", "k8s-audit/event-list.json",
            "alertmanager/firing-and-resolved.json", "cloudevents/structured.json", "webhook/object.json"};
        byte[] full = Fixtures.read(fixtures[random.nextInt(fixtures.length)]).getBytes(StandardCharsets.UTF_8);
        byte[] cut = new byte[random.nextInt(full.length + 1)];
        System.arraycopy(full, 0, cut, 0, cut.length);
        return cut;
    }

    private static byte[] deepNesting(Random random) {
        int depth = 50 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrongTypes(Random random) {
        String[] values = {"5", "{}", "[]", "null", "true", "\"\"", "-1e308", "[[[]]]"};
        String value = values[random.nextInt(values.length)];
        String[] bodies = {
            "{\"rule\":%s,\"priority\":%s,\"output_fields\":%s,\"time\":%s}",
            "{\"kind\":\"EventList\",\"items\":%s,\"apiVersion\":%s,\"metadata\":%s,\"x\":%s}",
            "{\"version\":\"4\",\"status\":%s,\"alerts\":%s,\"groupLabels\":%s,\"x\":%s}",
            "{\"specversion\":%s,\"id\":%s,\"source\":%s,\"type\":%s}",
            "[%s,%s,%s,%s]"};
        return String.format(bodies[random.nextInt(bodies.length)], value, value, value, value)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] unicodeEdges(Random random) {
        String[] strings = {"\\ud800", "\\udfff\\ud800", "\\u0000", "\ufeff", "\u202e\u0645\u0631\u062d\u0628\u0627",
            "\uD83D\uDE00".repeat(100), "\\uZZZZ", "\u0000\u0001\u001f"};
        String text = strings[random.nextInt(strings.length)];
        byte[] json = ("{\"rule\":\"" + text + "\",\"priority\":\"Critical\",\"output\":\"" + text
                + "\",\"time\":\"2024-05-01T10:21:37Z\",\"output_fields\":{\"k8s.ns.name\":\"" + text + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
            json[random.nextInt(json.length)] = (byte) (0xC0 | random.nextInt(2));
        }
        return json;
    }

    private static byte[] hugeNumbers(Random random) {
        String[] numbers = {"1e999999", "-0", "123456789012345678901234567890123456789", "1" + "0".repeat(5000), "NaN"};
        return ("{\"rule\":\"r\",\"priority\":\"Notice\",\"time\":" + numbers[random.nextInt(numbers.length)]
                + ",\"output\":\"o\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longString(Random random) {
        int length = random.nextInt(4) == 0 ? 2 * 1024 * 1024 : 200_000;
        return ("{\"rule\":\"" + "x".repeat(length) + "\",\"priority\":\"Notice\",\"output\":\"o\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
