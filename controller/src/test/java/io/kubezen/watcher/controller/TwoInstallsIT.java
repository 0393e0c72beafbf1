package io.kubezen.watcher.controller;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.projection.redis.RedisConfigProjection;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two installs in one cluster, as two controllers of different names and namespace lists against one API server and
 * one Redis (each with its own key prefix): team-a owns team-a and shared and collects Observations written before
 * installs had names, team-b owns team-b and shared and leaves those alone. Each wins a Lease of its own, collects
 * and cleans up only its own expired Observations in its own namespaces, projects only its namespaces' Ingesters,
 * and its informer source sees only its namespaces. Observations are created an hour in the past by the API
 * server's clock: those with a 60 second TTL are expired, those with two hours are not.
 */
@WithRedis
class TwoInstallsIT {

    private static final String ADMIN_TOKEN = "two-installs-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> NAMESPACES = List.of("team-a", "team-b", "shared", "other");
    /** The install labels Observations carry; none for those written before installs had names. */
    private static final List<String> OWNERS = List.of("team-a", "team-b", "none");

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final MutableClock apiClock = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
    private final TestApiServer server = TestApiServer.builder().repositoryCrds()
            .crdResource("informer/crds/policyreports.yaml")
            .namespaces("zen-system", "team-a", "team-b", "shared", "other").clock(apiClock).build().start();
    private final CustomObjectsApi api = new CustomObjectsApi(server.apiClient());
    private final List<EmbeddedServer> controllers = new ArrayList<>();

    @AfterEach
    void stop() {
        controllers.forEach(controller -> controller.getApplicationContext().close());
        server.close();
    }

    @Test
    void eachInstallTouchesOnlyItsOwnNamespacesAndObservations(RedisServerHandle redis) throws Exception {
        TestObservations observations = new TestObservations(server.apiClient());
        for (String namespace : NAMESPACES) {
            for (String owner : OWNERS) {
                String install = owner.equals("none") ? null : owner;
                observations.createOfInstall(install, namespace, "expired-" + owner, 60L);
                observations.createOfInstall(install, namespace, "fresh-" + owner, 7200L);
            }
            createIngester(namespace);
            createPolicyReport(namespace);
        }

        EmbeddedServer teamA = start(redis, "team-a", List.of("team-a", "shared"), true);
        EmbeddedServer teamB = start(redis, "team-b", List.of("team-b", "shared"), false);
        for (EmbeddedServer controller : List.of(teamA, teamB)) {
            Await.until("both lead, each on its own Lease", WAIT,
                    () -> controller.getApplicationContext().getBean(LeaderDuties.class).isLeading());
        }

        Set<String> expiredLeft = Set.of("team-a/expired-team-b", "team-b/expired-team-a", "team-b/expired-none",
                "other/expired-team-a", "other/expired-team-b", "other/expired-none");
        Await.until("both GCs collected their own expired Observations", WAIT,
                () -> keys("expired-").equals(expiredLeft));
        assertThat(keys("fresh-")).as("nothing unexpired collected").hasSize(NAMESPACES.size() * OWNERS.size());

        assertThat(cleanup(teamA, "olderThan=30m").body()).contains("\"deleted\":4");
        assertThat(cleanup(teamB, "olderThan=30m").body()).contains("\"deleted\":2");
        assertThat(keys("fresh-")).containsExactlyInAnyOrder("team-a/fresh-team-b", "team-b/fresh-team-a",
                "team-b/fresh-none", "other/fresh-team-a", "other/fresh-team-b", "other/fresh-none");
        HttpResponse<String> foreign = cleanup(teamA, "namespace=team-b");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("team-b").contains("not one of install team-a's namespaces");

        Await.until("each install projected its namespaces' Ingesters", WAIT,
                () -> projected(redis, "team-a").equals(Set.of("team-a/hook", "shared/hook"))
                        && projected(redis, "team-b").equals(Set.of("team-b/hook", "shared/hook")));

        var client = connectors.open(redis).shared().sync();
        Await.until("each install's informer source emitted the reports of its namespaces", WAIT,
                () -> client.exists("zw-team-a:informer:kyverno:team-a/cart", "zw-team-a:informer:kyverno:shared/cart",
                        "zw-team-b:informer:kyverno:team-b/cart", "zw-team-b:informer:kyverno:shared/cart") == 4);
        assertThat(client.exists("zw-team-a:informer:kyverno:team-b/cart", "zw-team-a:informer:kyverno:other/cart",
                "zw-team-b:informer:kyverno:team-a/cart", "zw-team-b:informer:kyverno:other/cart"))
                .as("reports of namespaces the install does not own").isZero();
    }

    private EmbeddedServer start(RedisServerHandle redis, String install, List<String> namespaces,
                                 boolean adoptUnlabeled) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("kubernetes.client.base-path", server.baseUrl());
        properties.put("zen-watcher.redis.uri", redis.uri());
        properties.put("zen-watcher.redis.key-prefix", "zw-" + install + ":");
        properties.put("zen-watcher.admin.token", ADMIN_TOKEN);
        properties.put("zen-watcher.install.name", install);
        properties.put("zen-watcher.install.namespaces", namespaces);
        properties.put("zen-watcher.install.adopt-unlabeled", adoptUnlabeled);
        // The test environment turns these off for tests without an API server.
        properties.put("zen-watcher.leader.enabled", "true");
        properties.put("zen-watcher.leader.lease-namespace", "zen-system");
        properties.put("zen-watcher.leader.identity", install + "-0");
        properties.put("zen-watcher.gc.enabled", "true");
        properties.put("zen-watcher.gc.interval", "500ms");
        properties.put("zen-watcher.projection.enabled", "true");
        properties.put("zen-watcher.tuning.enabled", "false");
        properties.put("zen-watcher.informer.default-namespace", namespaces.get(0));
        properties.put("zen-watcher.informers.kyverno.informer.group", "wgpolicyk8s.io");
        properties.put("zen-watcher.informers.kyverno.informer.version", "v1alpha2");
        properties.put("zen-watcher.informers.kyverno.informer.resource", "policyreports");
        properties.put("zen-watcher.informers.kyverno.informer.builtinMapping", "policy-report");
        EmbeddedServer controller = ApplicationContext.run(EmbeddedServer.class, properties);
        controllers.add(controller);
        return controller;
    }

    private void createIngester(String namespace) throws ApiException {
        api.createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", namespace, "ingesters", Map.of(
                "apiVersion", "zen.kube-zen.io/v1alpha1", "kind", "Ingester",
                "metadata", Map.of("name", "hook", "namespace", namespace),
                "spec", Map.of("source", "hook-" + namespace, "type", "webhook",
                        "webhook", Map.of("auth", Map.of("mode", "none"))))).execute();
    }

    private void createPolicyReport(String namespace) throws ApiException {
        api.createNamespacedCustomObject("wgpolicyk8s.io", "v1alpha2", namespace, "policyreports", Map.of(
                "apiVersion", "wgpolicyk8s.io/v1alpha2", "kind", "PolicyReport",
                "metadata", Map.of("name", "cart", "namespace", namespace),
                "results", List.of(Map.of("policy", "p", "rule", "a", "result", "fail")))).execute();
    }

    /** Every Observation left whose name starts with {@code prefix}, as {@code namespace/name}. */
    private Set<String> keys(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (StoredObservation observation : new KubernetesObservationStore(server.apiClient())
                .list(ObservationSelector.ALL, null, 1000).items()) {
            if (observation.name().startsWith(prefix)) {
                keys.add(observation.key());
            }
        }
        return keys;
    }

    private Set<String> projected(RedisServerHandle redis, String install) {
        return new RedisConfigProjection(connectors.open(redis.options().withKeyPrefix("zw-" + install + ":")))
                .read().sources().keySet();
    }

    private static HttpResponse<String> cleanup(EmbeddedServer controller, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(controller.getURL()
                        + "/api/v1/observations?" + query)).DELETE()
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }
}
