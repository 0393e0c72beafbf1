package io.kubezen.watcher.controller.wiring;

import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.controller.informer.InformerDuty;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.testing.Await;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Informer sources from {@code zen-watcher.informers.*} run on the leader and fill the shared queue. */
@WithRedis
class InformerWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final TestApiServer server = TestApiServer.builder()
            .repositoryCrds()
            .crdResource("informer/crds/policyreports.yaml")
            .namespaces("shop", "zen")
            .build()
            .start();

    InformerWiringIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void configuredSourceTurnsAPolicyReportIntoQueueEntries() throws Exception {
        try (ApplicationContext context = run(Map.of(
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", server.baseUrl(),
                "zen-watcher.informers.kyverno.informer.group", "wgpolicyk8s.io",
                "zen-watcher.informers.kyverno.informer.version", "v1alpha2",
                "zen-watcher.informers.kyverno.informer.resource", "policyreports",
                "zen-watcher.informers.kyverno.informer.namespaces", List.of("shop"),
                "zen-watcher.informers.kyverno.informer.builtinMapping", "policy-report"))) {
            assertThat(context.getBean(LeaderDuties.class).isLeading()).isTrue();
            InformerDuty duty = context.getBean(InformerDuty.class);
            Await.until("the informer listed", WAIT, duty::ready);

            new CustomObjectsApi(server.apiClient()).createNamespacedCustomObject("wgpolicyk8s.io", "v1alpha2", "shop",
                    "policyreports", Map.of("apiVersion", "wgpolicyk8s.io/v1alpha2", "kind", "PolicyReport",
                            "metadata", Map.of("name", "cart", "namespace", "shop"),
                            "results", List.of(
                                    Map.of("policy", "p", "rule", "a", "result", "fail"),
                                    Map.of("policy", "p", "rule", "b", "result", "fail")))).execute();

            var redisClient = connectors.open(redis).shared().sync();
            Await.until("two queue entries", WAIT, () -> QueueStreams.length(redisClient) == 2);
            // The record follows the queue append, so a crash in between re-emits rather than loses.
            Await.until("the object's finding record", WAIT,
                    () -> redisClient.hget("zw:informer:kyverno:shop/cart", "fingerprints") != null);
            assertThat(redisClient.hget("zw:informer:kyverno:shop/cart", "fingerprints").split(" ")).hasSize(2);
        }
    }

    @Test
    void informerIngesterResourceTurnsAPolicyReportIntoQueueEntries() throws Exception {
        try (ApplicationContext context = run(Map.of(
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", server.baseUrl(),
                "zen-watcher.projection.enabled", "true"))) {
            CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
            api.createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", "zen", "ingesters", Map.of(
                    "apiVersion", "zen.kube-zen.io/v1alpha1", "kind", "Ingester",
                    "metadata", Map.of("name", "kyverno", "namespace", "zen"),
                    "spec", Map.of("source", "kyverno", "type", "informer", "informer", Map.of(
                            "group", "wgpolicyk8s.io", "version", "v1alpha2", "resource", "policyreports",
                            "namespaces", List.of("shop"), "builtinMapping", "policy-report")))).execute();
            InformerDuty duty = context.getBean(InformerDuty.class);
            Await.until("the Ingester's informer listed", WAIT, () -> readyCondition(api).equals("True") && duty.ready());

            api.createNamespacedCustomObject("wgpolicyk8s.io", "v1alpha2", "shop",
                    "policyreports", Map.of("apiVersion", "wgpolicyk8s.io/v1alpha2", "kind", "PolicyReport",
                            "metadata", Map.of("name", "cart", "namespace", "shop"),
                            "results", List.of(
                                    Map.of("policy", "p", "rule", "a", "result", "fail"),
                                    Map.of("policy", "p", "rule", "b", "result", "fail")))).execute();

            var redisClient = connectors.open(redis).shared().sync();
            Await.until("two queue entries", WAIT, () -> QueueStreams.length(redisClient) == 2);
        }
    }

    @SuppressWarnings("unchecked")
    private static String readyCondition(CustomObjectsApi api) {
        try {
            Map<String, Object> ingester = (Map<String, Object>) api.getNamespacedCustomObject(
                    "zen.kube-zen.io", "v1alpha1", "zen", "ingesters", "kyverno").execute();
            Map<String, Object> status = (Map<String, Object>) ingester.get("status");
            if (status == null || status.get("conditions") == null) {
                return "";
            }
            return ((List<Map<String, Object>>) status.get("conditions")).stream()
                    .filter(c -> "Ready".equals(c.get("type"))).map(c -> String.valueOf(c.get("status")))
                    .findFirst().orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void informerSourcesWithoutRedisStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("zen-watcher.informers.kyverno.informer.resource", "policyreports")))
                .hasStackTraceContaining("zen-watcher.informers is set but zen-watcher.redis.uri is not");
    }

    @Test
    void aSourceThatDoesNotCompileStopsTheStartNamingItsField() {
        assertThatThrownBy(() -> run(Map.of(
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", server.baseUrl(),
                "zen-watcher.informers.kyverno.informer.version", "v1",
                "zen-watcher.informers.kyverno.informer.resource", "policyreports",
                "zen-watcher.informers.kyverno.informer.builtinMapping", "kyverno-reports")))
                .hasStackTraceContaining("zen-watcher.informers.kyverno: spec.informer.builtinMapping");
    }

    private static ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("zen-watcher.leader.enabled", "false");
        return ApplicationContext.run(all);
    }
}
