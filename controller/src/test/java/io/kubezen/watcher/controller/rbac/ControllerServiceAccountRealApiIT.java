package io.kubezen.watcher.controller.rbac;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubezen.watcher.controller.gc.kubernetes.TestObservations;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.deploy.ComponentPermissions;
import io.kubezen.watcher.testing.deploy.Grant;
import io.kubezen.watcher.testing.deploy.InstalledChart;
import io.kubezen.watcher.testing.kube.real.AuditedRequest;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The controller app, wired as in production, against a real kube-apiserver as the ServiceAccount the chart
 * creates for an install that owns a list of namespaces (so its roles are Roles in those namespaces, and
 * {@code controller.rbac.secretNamespaces} names one tenant namespace): it wins the Lease, projects Ingesters whose
 * Secrets it may read, reports the one whose Secret it may not, runs an informer-type Ingester, sweeps Observations
 * and serves the cleanup endpoint. The server's audit log shows every request it made: only the forbidden Secret
 * refused, each request allowed by a grant the controller is declared to need, and every kind of fixed grant used.
 * A call outside its role, or into a namespace the install does not own, is refused with 403.
 */
@WithRedis
@WithRealApiServer
class ControllerServiceAccountRealApiIT {

    private static final String ZEN = V1alpha1Ingester.GROUP;
    private static final String ADMIN_TOKEN = "s3cret-admin-token";
    private static final String TOKEN = "plain-bearer-token-0123456789";
    private static final String POLICY_REPORTS_CRD = "informer/crds/policyreports.yaml";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RealApiServer server;
    private final CustomObjectsApi admin;

    ControllerServiceAccountRealApiIT(RealApiServer server) {
        this.server = server;
        this.admin = new CustomObjectsApi(server.adminClient());
    }

    @Test
    void theControllerDoesItsJobWithItsRoleAndNothingMore(RedisServerHandle redis) throws Exception {
        server.applyCrdResource(POLICY_REPORTS_CRD);
        String granted = server.createNamespace("tenant-granted");
        String ungranted = server.createNamespace("tenant-ungranted");
        String shop = server.createNamespace("shop");
        String elsewhere = server.createNamespace("elsewhere");
        InstalledChart chart = InstalledChart.helmInstall(server, namespace -> Map.of(
                "install", Map.of("namespaces", List.of(namespace, granted, ungranted, shop)),
                "controller", Map.of("rbac", Map.of("secretNamespaces", List.of(granted)))));
        String release = chart.namespace();
        Map<String, String> sources = Map.of(release, "hook-release", granted, "hook-granted", ungranted,
                "hook-ungranted");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            new CoreV1Api(server.adminClient()).createNamespacedSecret(source.getKey(), new V1Secret()
                    .metadata(new V1ObjectMeta().name("hook-auth"))
                    .data(Map.of("token", TOKEN.getBytes(StandardCharsets.UTF_8)))).execute();
            createIngester(source.getKey(), "hook", Map.of("source", source.getValue(), "type", "webhook",
                    "webhook", Map.of("auth", Map.of("mode", "bearer",
                            "bearer", Map.of("secretRef", Map.of("name", "hook-auth", "key", "token"))))));
        }
        createIngester(release, "kyverno", Map.of("source", "kyverno", "type", "informer", "informer", Map.of(
                "group", "wgpolicyk8s.io", "version", "v1alpha2", "resource", "policyreports",
                "namespaces", List.of(shop), "builtinMapping", "policy-report")));
        TestObservations observations = new TestObservations(server.adminClient());
        for (int i = 0; i < 3; i++) {
            observations.create(shop, "old-" + i, null, "falco", "low");
        }

        // Ingesters that other test classes left on the shared server are not this test's business.
        try (EmbeddedServer controller = startController(chart, redis, List.of(release, granted, ungranted, shop))) {
            Await.until("the controller leads", WAIT,
                    () -> controller.getApplicationContext().getBean(LeaderDuties.class).isLeading());
            Await.until("the granted Ingesters are Ready", WAIT,
                    () -> "True".equals(ready(release, "hook").get("status"))
                            && "True".equals(ready(granted, "hook").get("status"))
                            && "True".equals(ready(release, "kyverno").get("status")));
            Await.until("the ungranted one says why not", WAIT,
                    () -> "SecretUnavailable".equals(ready(ungranted, "hook").get("reason")));
            assertThat((String) ready(ungranted, "hook").get("message"))
                    .contains("may not read Secret " + ungranted + "/hook-auth")
                    .contains("controller.rbac.secretNamespaces");

            admin.createNamespacedCustomObject("wgpolicyk8s.io", "v1alpha2", shop, "policyreports", Map.of(
                    "apiVersion", "wgpolicyk8s.io/v1alpha2", "kind", "PolicyReport",
                    "metadata", Map.of("name", "cart"),
                    "results", List.of(Map.of("policy", "p", "rule", "a", "result", "fail")))).execute();
            var redisClient = connectors.open(redis).shared().sync();
            Await.until("the report's finding is queued", WAIT, () -> QueueStreams.length(redisClient) == 1);

            HttpResponse<String> cleanup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            controller.getURL() + "/api/v1/observations?namespace=" + shop + "&source=falco"))
                    .DELETE().header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cleanup.statusCode()).as(cleanup.body()).isEqualTo(200);
            assertThat(cleanup.body()).contains("\"deleted\":3");

            ApiClient own = controller.getApplicationContext().getBean(ApiClient.class);
            forbidden(() -> new CoreV1Api(own).createNamespacedSecret(release,
                    new V1Secret().metadata(new V1ObjectMeta().name("planted"))).execute());
            forbidden(() -> new CoreV1Api(own).deleteNamespacedPod("any", release).execute());
            forbidden(() -> new CustomObjectsApi(own).listNamespacedCustomObject(ZEN, "v1alpha1", elsewhere,
                    "observations").execute());
            forbidden(() -> new CustomObjectsApi(own).listClusterCustomObject(ZEN, "v1alpha1", "ingesters").execute());
        }

        List<AuditedRequest> requests = server.requestsBy(chart.user(ComponentPermissions.CONTROLLER));
        List<AuditedRequest> refused = requests.stream().filter(r -> r.code() == 401 || r.code() == 403).toList();
        assertThat(refused).as("refused: the ungranted Secret and the four deliberate calls")
                .extracting(r -> r.verb() + " " + r.rbacResource() + " " + r.namespace())
                .contains("get secrets " + ungranted, "create secrets " + release, "delete pods " + release,
                        "list observations " + elsewhere)
                .anyMatch(r -> r.startsWith("list ingesters "))
                .allMatch(r -> r.startsWith("get secrets " + ungranted) || r.startsWith("create secrets ")
                        || r.startsWith("delete pods ") || r.startsWith("list observations " + elsewhere)
                        || r.startsWith("list ingesters "));
        List<AuditedRequest> own = requests.stream().filter(r -> !refused.contains(r)).toList();
        Set<Grant> needed = ComponentPermissions.needed(ComponentPermissions.CONTROLLER, chart);
        assertThat(ComponentPermissions.unexplained(own, needed)).isEmpty();
        Set<String> fixed = new TreeSet<>();
        needed.stream().filter(grant -> grant.apiGroup().equals(ZEN) || grant.resource().equals("leases")
                || grant.resource().equals("secrets")).forEach(grant -> fixed.add(kind(grant)));
        assertThat(ComponentPermissions.used(own, needed)).as("each kind of fixed grant, in some namespace")
                .extracting(ControllerServiceAccountRealApiIT::kind).containsAll(fixed);
    }

    private static String kind(Grant grant) {
        return grant.verb() + " " + grant.apiGroup() + "/" + grant.resource();
    }

    private EmbeddedServer startController(InstalledChart chart, RedisServerHandle redis, List<String> namespaces) {
        Map<String, Object> properties = new HashMap<>(server.clientProperties(chart.token(ComponentPermissions.CONTROLLER)));
        properties.put("micronaut.server.port", -1);
        properties.put("zen-watcher.redis.uri", redis.uri());
        properties.put("zen-watcher.admin.token", ADMIN_TOKEN);
        properties.put("zen-watcher.tuning.enabled", "false");
        // The test environment turns these off for tests without an API server.
        properties.put("zen-watcher.leader.enabled", "true");
        properties.put("zen-watcher.gc.enabled", "true");
        properties.put("zen-watcher.projection.enabled", "true");
        properties.put("zen-watcher.leader.lease-namespace", chart.namespace());
        properties.put("zen-watcher.leader.lease-name", chart.name(ComponentPermissions.CONTROLLER));
        properties.put("zen-watcher.leader.identity", "controller-a");
        properties.put("zen-watcher.install.namespaces", namespaces);
        properties.put("zen-watcher.informer.default-namespace", chart.namespace());
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private void createIngester(String namespace, String name, Map<String, Object> spec) throws ApiException {
        admin.createNamespacedCustomObject(ZEN, V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, Map.of(
                "apiVersion", ZEN + "/" + V1alpha1Ingester.VERSION, "kind", "Ingester",
                "metadata", Map.of("name", name), "spec", spec)).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ready(String namespace, String name) {
        try {
            Map<String, Object> ingester = (Map<String, Object>) admin.getNamespacedCustomObject(ZEN,
                    V1alpha1Ingester.VERSION, namespace, V1alpha1Ingester.PLURAL, name).execute();
            Map<String, Object> status = (Map<String, Object>) ingester.getOrDefault("status", Map.of());
            return ((List<Map<String, Object>>) status.getOrDefault("conditions", List.of())).stream()
                    .filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(Map.of());
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(403));
    }
}
