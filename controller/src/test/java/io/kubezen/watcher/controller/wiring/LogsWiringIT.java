package io.kubezen.watcher.controller.wiring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.controller.logs.TestPods;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.crd.DeployFiles;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kube-bench example Ingester, applied as a resource, runs on the leader when logs sources are on; a
 * pathological pattern is refused at projection, naming it, while the last valid generation keeps running.
 */
@WithRedis
class LogsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POD = "kube-bench-x7k2p";

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final TestApiServer server = TestApiServer.builder().repositoryCrds().namespaces("kube-bench", "zen-system")
            .build().start();
    private final Instant started = Instant.now().minusSeconds(5);

    LogsWiringIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void theExampleFollowsKubeBenchAndAPathologicalEditIsRefusedWhileTheLastValidOneRuns() throws Exception {
        try (ApplicationContext context = run(true)) {
            CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
            TestPods.running(server.apiClient(), "kube-bench", POD, Map.of("app", "kube-bench"), "kube-bench", started);
            api.createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen-system", "ingesters",
                    DeployFiles.YAML.convertValue(example(), Map.class)).execute();
            Await.until("the Ingester is ready", WAIT, () -> "True".equals(ready(api).get("status")));
            log(1, "[FAIL] 1.1.12 Ensure that the etcd data directory ownership is set to etcd:etcd (Automated)");
            var redisClient = connectors.open(redis).shared().sync();
            Await.until("one queue entry", WAIT, () -> QueueStreams.length(redisClient) == 1);

            patch(server.apiClient(), "[{\"op\":\"replace\",\"path\":\"/spec/logs/patterns/0/regex\","
                    + "\"value\":\"((a{1000}){1000}){1000}\"}]");
            Await.until("the edit is refused", WAIT, () -> "False".equals(ready(api).get("status")));
            assertThat((String) ready(api).get("message")).startsWith(
                    "spec.logs.patterns[0].regex: pattern 'cis-check' repeats more than 10000 atoms");
            assertThat(status(api).get("servedGeneration")).isEqualTo(1.0);

            log(2, "[WARN] 1.1.9 Ensure that the Container Network Interface file permissions are set (Manual)");
            Await.until("the last valid generation matched the next line", WAIT,
                    () -> QueueStreams.length(redisClient) == 2);
        }
    }

    @Test
    void aLogsIngesterSaysHowToTurnLogsSourcesOnWhereTheyAreOff() throws Exception {
        try (ApplicationContext context = run(false)) {
            CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
            api.createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen-system", "ingesters",
                    DeployFiles.YAML.convertValue(example(), Map.class)).execute();

            Await.until("the Ingester is refused", WAIT, () -> "False".equals(ready(api).get("status")));
            assertThat((String) ready(api).get("message")).contains("controller.logsSources.enabled");
        }
    }

    private void log(long second, String line) {
        server.appendLog("kube-bench", POD, "kube-bench", started.plusSeconds(second), line);
    }

    private static ObjectNode example() {
        return (ObjectNode) DeployFiles.read(DeployFiles.root().resolve("examples/ingester-logs-kube-bench.yaml"));
    }

    private static void patch(ApiClient client, String jsonPatch) throws Exception {
        CustomObjectsApi api = new CustomObjectsApi(client);
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject("zen.kube-zen.io", "v1alpha1",
                "zen-system", "ingesters", "kube-bench", new V1Patch(jsonPatch)).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_PATCH, client);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(CustomObjectsApi api) {
        try {
            Map<String, Object> ingester = (Map<String, Object>) api.getNamespacedCustomObject(
                    "zen.kube-zen.io", "v1alpha1", "zen-system", "ingesters", "kube-bench").execute();
            Map<String, Object> status = (Map<String, Object>) ingester.get("status");
            return status == null ? Map.of() : status;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ready(CustomObjectsApi api) {
        Object conditions = status(api).get("conditions");
        return conditions == null ? Map.of() : ((List<Map<String, Object>>) conditions).stream()
                .filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(Map.of());
    }

    private ApplicationContext run(boolean logsEnabled) {
        Map<String, Object> all = new HashMap<>();
        all.put("zen-watcher.leader.enabled", "false");
        all.put("zen-watcher.redis.uri", redis.uri());
        all.put("kubernetes.client.base-path", server.baseUrl());
        all.put("zen-watcher.projection.enabled", "true");
        all.put("zen-watcher.logs.enabled", Boolean.toString(logsEnabled));
        return ApplicationContext.run(all);
    }
}
