package io.kubezen.watcher.system.projection;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.config.FilterSpec;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.system.apps.IsolatedApp;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged controller app, wired as in production, against an API server serving the repository's CRDs
 * and a real Redis: Ingesters become the projected document, their status says so, and no Secret reaches Redis;
 * a packaged ingester serves what is projected. Subclassed per API server.
 */
@WithRedis
abstract class IngesterProjectionContract {

    private static final String TOKEN = "plain-bearer-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final List<IsolatedApp> started = new ArrayList<>();
    private ApiClient client;
    private CustomObjectsApi api;
    private String namespace;

    /** A client of a server serving the repository's CRDs. */
    protected abstract ApiClient connect() throws Exception;

    /** An empty namespace of the server, new for each test where the server outlives it. */
    protected abstract String prepareNamespace() throws Exception;

    /** The {@code kubernetes.client.*} properties that point the controller app at the server. */
    protected abstract Map<String, Object> clientProperties();

    @BeforeEach
    final void connectToServer() throws Exception {
        client = connect();
        api = new CustomObjectsApi(client);
        namespace = prepareNamespace();
    }

    @AfterEach
    void stopControllers() throws Exception {
        for (IsolatedApp controller : started) {
            controller.close();
        }
    }

    @Test
    void anIngesterProcessServesAProjectedSourceWithoutRestarting(RedisServerHandle redis) throws Exception {
        new CoreV1Api(client).createNamespacedSecret(namespace, new V1Secret()
                .metadata(new V1ObjectMeta().name("github-auth"))
                .data(Map.of("token", TOKEN.getBytes(StandardCharsets.UTF_8)))).execute();
        startController(redis);
        try (IsolatedApp ingester = IsolatedApp.ingester(Map.of("zen-watcher.redis.uri", redis.uri()))) {
            assertThat(ingester.post("/ingest/github", event(0)).statusCode()).isEqualTo(404);

            create("github", Map.of("source", "github", "type", "webhook", "webhook", Map.of("auth", Map.of(
                    "mode", "bearer", "bearer", Map.of("secretRef", Map.of("name", "github-auth", "key", "token"))))));
            Await.until("the ingester serves github", WAIT,
                    () -> ingester.post("/ingest/github", event(1)).statusCode() == 401);
            HttpResponse<String> accepted = ingester.post("/ingest/github", event(2), "Authorization", "Bearer " + TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"accepted\":1");

            PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(V1alpha1Ingester.GROUP,
                    V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, "github",
                    new V1Patch("{\"spec\":{\"filter\":{\"minSeverity\":\"critical\"}}}")).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
            Await.until("the ingester filters by the new rule", WAIT, () -> ingester.post("/ingest/github",
                    event(3), "Authorization", "Bearer " + TOKEN).body().contains("\"filtered\":1"));
            assertThat(redisText(redis.sync())).doesNotContain(TOKEN);
        }
    }

    @Test
    void ingestersAreProjectedUpdatedReportedAndWithdrawn(RedisServerHandle redis) throws Exception {
        new CoreV1Api(client).createNamespacedSecret(namespace, new V1Secret()
                .metadata(new V1ObjectMeta().name("github-auth"))
                .data(Map.of("token", TOKEN.getBytes(StandardCharsets.UTF_8)))).execute();
        startController(redis);
        RedisConfigProjection projection = new RedisConfigProjection(connectors.open(redis));

        create("github", Map.of("source", "github", "type", "webhook", "webhook", Map.of("auth", Map.of(
                "mode", "bearer", "bearer", Map.of("secretRef", Map.of("name", "github-auth", "key", "token"))))));
        Await.until("github is projected", WAIT, () -> projection.read().sources().containsKey(namespace + "/github"));
        Await.until("github is Ready", WAIT, () -> "True".equals(ready("github").get("status")));
        assertThat(status("github").get("configVersion")).isEqualTo((double) projection.read().version());
        assertThat(redisText(redis.sync())).doesNotContain(TOKEN).contains("\"sha256\"");

        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(V1alpha1Ingester.GROUP,
                V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, "github",
                new V1Patch("{\"spec\":{\"filter\":{\"minSeverity\":\"high\"}}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        Await.until("the filter is projected", WAIT, () -> filterOf(projection.read()) != null);
        assertThat(filterOf(projection.read()).minSeverity()).isEqualTo(Severity.HIGH);

        create("broken", Map.of("source", "broken", "type", "webhook", "filter", Map.of("expression", "severity ==")));
        Await.until("broken is reported", WAIT, () -> "False".equals(ready("broken").get("status")));
        assertThat(ready("broken")).containsEntry("reason", "InvalidSpec");
        assertThat((String) ready("broken").get("message")).startsWith("spec.filter.expression: ");
        assertThat(projection.read().sources()).doesNotContainKey(namespace + "/broken");

        api.deleteNamespacedCustomObject(V1alpha1Ingester.GROUP, V1alpha1Ingester.VERSION, namespace,
                V1alpha1Ingester.PLURAL, "github").execute();
        Await.until("github is withdrawn", WAIT, () -> projection.read().sources().isEmpty());
    }

    /**
     * A bad edit and a Secret gone during a rotation do not cost the sender a single event: the last valid
     * generation stays served, and the status says which one and why the new one is not.
     */
    @Test
    void anInvalidEditOrAMissingSecretKeepsTheLastValidGenerationServed(RedisServerHandle redis) throws Exception {
        CoreV1Api core = new CoreV1Api(client);
        core.createNamespacedSecret(namespace, githubSecret()).execute();
        startController(redis);
        try (IsolatedApp ingester = IsolatedApp.ingester(Map.of("zen-watcher.redis.uri", redis.uri()))) {
            create("github", Map.of("source", "github", "type", "webhook", "webhook", Map.of("auth", Map.of(
                    "mode", "bearer", "bearer", Map.of("secretRef", Map.of("name", "github-auth", "key", "token"))))));
            Await.until("the ingester serves github", WAIT, () -> sendAs(ingester, TOKEN, 1) == 202);
            Await.until("the status names the last event", WAIT, () -> status("github").get("lastEventAt") != null);
            assertThat(Instant.parse((String) status("github").get("lastEventAt")))
                    .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());

            patchSpec("github", "{\"spec\":{\"filter\":{\"expression\":\"observation.severity ==\"}}}");
            Await.until("generation 2 is reported invalid", WAIT, () -> generation("observedGeneration") == 2);
            assertThat(ready("github")).containsEntry("status", "False").containsEntry("reason", "InvalidSpec");
            assertThat((String) ready("github").get("message")).startsWith("spec.filter.expression: ");
            assertThat(generation("servedGeneration")).isEqualTo(1);
            assertThat(sendAs(ingester, TOKEN, 2)).isEqualTo(202);

            core.deleteNamespacedSecret("github-auth", namespace).execute();
            patchSpec("github", "{\"spec\":{\"filter\":{\"expression\":null,\"minSeverity\":\"low\"}}}");
            Await.until("generation 3 waits for its Secret", WAIT, () -> generation("observedGeneration") == 3);
            assertThat(ready("github")).containsEntry("status", "False").containsEntry("reason", "SecretUnavailable");
            assertThat(generation("servedGeneration")).isEqualTo(1);
            assertThat(sendAs(ingester, TOKEN, 3)).isEqualTo(202);

            core.createNamespacedSecret(namespace, githubSecret()).execute();
            Await.until("generation 3 is served once its Secret is back", WAIT,
                    () -> "True".equals(ready("github").get("status")));
            assertThat(generation("servedGeneration")).isEqualTo(3);
            assertThat(sendAs(ingester, TOKEN, 4)).isEqualTo(202);

            api.deleteNamespacedCustomObject(V1alpha1Ingester.GROUP, V1alpha1Ingester.VERSION, namespace,
                    V1alpha1Ingester.PLURAL, "github").execute();
            Await.until("deleting the Ingester withdraws github", WAIT, () -> sendAs(ingester, TOKEN, 5) == 404);
        }
    }

    private void startController(RedisServerHandle redis) throws Exception {
        Map<String, Object> properties = new HashMap<>(clientProperties());
        properties.put("zen-watcher.redis.uri", redis.uri());
        properties.put("zen-watcher.tuning.enabled", "false");
        properties.put("zen-watcher.projection.last-event-interval", "1s");
        // The projection alone: no lease to win first, no GC of the test's resources.
        properties.put("zen-watcher.projection.enabled", "true");
        properties.put("zen-watcher.leader.enabled", "false");
        properties.put("zen-watcher.gc.enabled", "false");
        properties.put("zen-watcher.install.namespaces", namespace);
        properties.put("zen-watcher.informer.default-namespace", namespace);
        started.add(IsolatedApp.controller(properties));
    }

    private static V1Secret githubSecret() {
        return new V1Secret().metadata(new V1ObjectMeta().name("github-auth"))
                .data(Map.of("token", TOKEN.getBytes(StandardCharsets.UTF_8)));
    }

    private static int sendAs(IsolatedApp ingester, String token, int n) {
        return ingester.post("/ingest/github", event(n), "Authorization", "Bearer " + token).statusCode();
    }

    private void patchSpec(String name, String mergePatch) throws Exception {
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(V1alpha1Ingester.GROUP,
                V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, name, new V1Patch(mergePatch))
                .buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }

    /** A generation field of github's status, -1 while it has none. */
    private long generation(String field) {
        Object value = status("github").get(field);
        return value == null ? -1 : ((Number) value).longValue();
    }

    private static String event(int n) {
        return "{\"message\":\"push " + n + "\",\"severity\":\"low\"}";
    }

    private void create(String name, Map<String, Object> spec) throws Exception {
        api.createNamespacedCustomObject(V1alpha1Ingester.GROUP, V1alpha1Ingester.VERSION, namespace,
                V1alpha1Ingester.PLURAL, Map.of("apiVersion", V1alpha1Ingester.GROUP + "/" + V1alpha1Ingester.VERSION,
                        "kind", "Ingester", "metadata", Map.of("name", name), "spec", spec)).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String name) {
        try {
            Map<String, Object> object = (Map<String, Object>) api.getNamespacedCustomObject(V1alpha1Ingester.GROUP,
                    V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, name).execute();
            return object.get("status") == null ? Map.of() : (Map<String, Object>) object.get("status");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ready(String name) {
        Object conditions = status(name).get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return Map.of();
        }
        return list.stream().map(c -> (Map<String, Object>) c).filter(c -> "Ready".equals(c.get("type")))
                .findFirst().orElse(Map.of());
    }

    private FilterSpec filterOf(ProjectedConfig config) {
        IngesterSpec github = config.sources().get(namespace + "/github");
        return github == null ? null : github.filter();
    }

    /** Every key and value in Redis as text, to prove no Secret value was written anywhere. */
    private static String redisText(RedisCommands<String, String> redis) {
        StringBuilder text = new StringBuilder();
        KeyScanCursor<String> cursor = redis.scan(ScanArgs.Builder.limit(100));
        while (true) {
            for (String key : cursor.getKeys()) {
                String type = redis.type(key);
                text.append(key).append('=');
                switch (type) {
                    case "string" -> text.append(redis.get(key));
                    case "hash" -> text.append(redis.hgetall(key));
                    case "stream" -> redis.xrange(key, Range.create("-", "+"))
                            .forEach(entry -> text.append(entry.getBody()));
                    default -> throw new AssertionError("unexpected " + type + " key " + key);
                }
                text.append('\n');
            }
            if (cursor.isFinished()) {
                return text.toString();
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), ScanArgs.Builder.limit(100));
        }
    }
}
