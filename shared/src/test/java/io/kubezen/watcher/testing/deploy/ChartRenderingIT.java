package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the rendered chart does, read from its manifests: restricted pods, probes on the port the app serves,
 * KEDA on the stream and group the code uses, secrets only by reference, least-privilege RBAC, and a Knative
 * Service that fits the chart it relies on.
 */
class ChartRenderingIT {

    private static final String PRODUCTION = "values-production.yaml";

    private static ZenWatcherChart chart;

    @BeforeAll
    static void tools() {
        chart = new ZenWatcherChart(new Helm(DeployTools.get(), Path.of("target", "deploy-checks", "helm-home")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyPodMeetsTheRestrictedPodSecurityStandard(String values) {
        List<Manifest> deployments = ofKind(chart.render(List.of(values)), "Deployment");

        assertThat(deployments).extracting(Manifest::name)
                .containsExactlyInAnyOrder("zen-watcher-controller", "zen-watcher-writer", "zen-watcher-ingester");
        for (Manifest deployment : deployments) {
            JsonNode pod = deployment.object().at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(deployment.origin()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(texts(container.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
            assertThat(volumeOf(pod, mountedAt(container, "/tmp")).has("emptyDir")).as("/tmp is an emptyDir").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void probesAskTheHealthEndpointsOnThePortTheAppServes(String values) {
        for (Manifest deployment : ofKind(chart.render(List.of(values)), "Deployment")) {
            JsonNode container = deployment.object().at("/spec/template/spec/containers/0");
            JsonNode http = find(container.path("ports"), "name", "http");
            assertThat(env(container, "PORT").path("value").asText()).as(deployment.origin())
                    .isEqualTo(http.path("containerPort").asText());
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        }
    }

    @Test
    void kedaScalesTheWritersOnTheSumOfTheLagOfTheShardStreamsTheCodeWrites() {
        List<Manifest> manifests = chart.render(List.of(PRODUCTION));

        JsonNode scaled = only(manifests, "ScaledObject").object();
        RedisKeys keys = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX, RedisConnectionOptions.DEFAULT_QUEUE_SHARDS);
        JsonNode triggers = scaled.at("/spec/triggers");
        assertThat(triggers).hasSize(2 * keys.shards());
        for (int shard = 0; shard < keys.shards(); shard++) {
            assertThat(triggers.get(2 * shard).path("name").asText()).isEqualTo("s" + shard);
            assertThat(triggers.get(2 * shard).at("/metadata/stream").asText()).isEqualTo(keys.observationStream(shard));
            assertThat(triggers.get(2 * shard + 1).path("name").asText()).isEqualTo("u" + shard);
            assertThat(triggers.get(2 * shard + 1).at("/metadata/stream").asText()).isEqualTo(keys.statusStream(shard));
        }
        JsonNode modifiers = scaled.at("/spec/advanced/scalingModifiers");
        assertThat(modifiers.path("formula").asText())
                .isEqualTo("s0 + u0 + s1 + u1 + s2 + u2 + s3 + u3 + s4 + u4 + s5 + u5 + s6 + u6 + s7 + u7");
        assertThat(modifiers.path("target").asText()).isEqualTo("500");
        assertThat(modifiers.path("metricType").asText()).isEqualTo("AverageValue");
        JsonNode trigger = triggers.get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("redis-streams");
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo(EventQueue.DEFAULT_GROUP);
        assertThat(trigger.at("/metadata/lagCount").asText()).isEqualTo("500");
        assertThat(trigger.at("/metadata/activationLagCount").asText()).isEqualTo("0");
        assertThat(trigger.at("/metadata/address").asText()).isEqualTo("redis-master.redis:6379");
        assertThat(scaled.at("/spec/scaleTargetRef/name").asText()).isEqualTo("zen-watcher-writer");
        assertThat(named(manifests, "Deployment", "zen-watcher-writer").object().at("/spec").has("replicas"))
                .as("KEDA owns the writer replica count").isFalse();
        JsonNode secret = only(manifests, "TriggerAuthentication").object().at("/spec/secretTargetRef/0");
        assertThat(secret.path("parameter").asText()).isEqualTo("password");
        assertThat(secret.path("name").asText()).isEqualTo("zen-watcher-redis");
        assertThat(secret.path("key").asText()).isEqualTo("redis-password");
    }

    @Test
    void aKeyPrefixAndTheShardCountMoveTheStreamsKedaWatchesWithThem() {
        List<Manifest> manifests = chart.render(List.of(), "writer.keda.enabled=true", "redis.keyPrefix=team-a:",
                "redis.queueShards=3");

        assertThat(only(manifests, "ScaledObject").object().at("/spec/triggers/4/metadata/stream").asText())
                .isEqualTo(new RedisKeys("team-a:", 3).observationStream(2));
        assertThat(only(manifests, "ScaledObject").object().at("/spec/triggers/5/metadata/stream").asText())
                .isEqualTo(new RedisKeys("team-a:", 3).statusStream(2));
        assertThat(only(manifests, "ScaledObject").object().at("/spec/triggers")).hasSize(6);
        for (Manifest deployment : ofKind(manifests, "Deployment")) {
            JsonNode container = deployment.object().at("/spec/template/spec/containers/0");
            assertThat(env(container, "ZEN_WATCHER_REDIS_KEY_PREFIX").path("value").asText()).isEqualTo("team-a:");
            assertThat(env(container, "ZEN_WATCHER_REDIS_QUEUE_SHARDS").path("value").asText()).isEqualTo("3");
        }
    }

    @Test
    void theRedisPasswordIsAFileMountedFromItsSecret() {
        for (Manifest deployment : ofKind(chart.render(List.of(PRODUCTION)), "Deployment")) {
            JsonNode pod = deployment.object().at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");

            assertThat(env(container, "ZEN_WATCHER_REDIS_URI").path("value").asText())
                    .as(deployment.origin()).isEqualTo("redis://redis-master.redis:6379/0");
            String file = env(container, "ZEN_WATCHER_REDIS_PASSWORD_FILE").path("value").asText();
            JsonNode volume = volumeOf(pod, mountedAt(container, file.substring(0, file.lastIndexOf('/'))));
            assertThat(volume.at("/secret/secretName").asText()).isEqualTo("zen-watcher-redis");
            assertThat(volume.at("/secret/items/0").toString())
                    .isEqualTo("{\"key\":\"redis-password\",\"path\":\"password\"}");
            assertThat(file).endsWith("/password");
        }
    }

    /** Each Redis shape an operator runs: the app's mode, KEDA's matching scaler, and the TLS files mounted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            standalone | redis://redis:6379/0                              | standalone | redis-streams          | address   | redis:6379
            cluster    | redis://node-0.redis:6379,node-1.redis:6379       | cluster    | redis-cluster-streams  | addresses | node-0.redis:6379, node-1.redis:6379
            sentinel   | redis-sentinel://sentinel-0,sentinel-1#mymaster   | standalone | redis-sentinel-streams | addresses | sentinel-0:26379, sentinel-1:26379
            """)
    void everyRedisModeReachesTheAppAndKeda(String name, String uri, String mode, String scaler, String field,
                                            String addresses) {
        List<Manifest> manifests = chart.render(List.of(), "writer.keda.enabled=true", "redis.uri=" + uri.replace(",", "\\,"),
                "redis.mode=" + mode, "redis.auth.existingSecret=redis-creds", "redis.auth.username=zen",
                "redis.tls.existingSecret=redis-ca", "redis.tls.certKey=tls.crt", "redis.tls.keyKey=tls.key");

        for (Manifest deployment : ofKind(manifests, "Deployment")) {
            JsonNode pod = deployment.object().at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(env(container, "ZEN_WATCHER_REDIS_URI").path("value").asText()).as(deployment.origin()).isEqualTo(uri);
            assertThat(env(container, "ZEN_WATCHER_REDIS_MODE").path("value").asText()).isEqualTo(mode);
            assertThat(env(container, "ZEN_WATCHER_REDIS_USERNAME").path("value").asText()).isEqualTo("zen");
            String ca = env(container, "ZEN_WATCHER_REDIS_TLS_CA_FILE").path("value").asText();
            assertThat(volumeOf(pod, mountedAt(container, ca.substring(0, ca.lastIndexOf('/')))).at("/secret/secretName")
                    .asText()).isEqualTo("redis-ca");
            assertThat(env(container, "ZEN_WATCHER_REDIS_TLS_CERT_FILE").path("value").asText()).startsWith("/etc/zen-watcher/redis-tls/");
            assertThat(env(container, "ZEN_WATCHER_REDIS_TLS_KEY_FILE").path("value").asText()).startsWith("/etc/zen-watcher/redis-tls/");
        }
        JsonNode trigger = only(manifests, "ScaledObject").object().at("/spec/triggers/0");
        assertThat(trigger.path("type").asText()).isEqualTo(scaler);
        assertThat(trigger.at("/metadata/" + field).asText()).isEqualTo(addresses);
        assertThat(trigger.at("/metadata/usernameFromEnv").asText()).isEqualTo("ZEN_WATCHER_REDIS_USERNAME");
        assertThat(only(manifests, "TriggerAuthentication").object().at("/spec/secretTargetRef"))
                .extracting(ref -> ref.path("parameter").asText()).containsExactly("password", "ca", "cert", "key");
    }

    @Test
    void aUriKeyTakesTheWholeUriFromTheSecretAndTheAdminTokenGoesWhereAnAdminApiIs() {
        List<Manifest> manifests = chart.render(List.of(), "redis.uri=", "redis.auth.existingSecret=redis-creds",
                "redis.auth.uriKey=uri", "admin.existingSecret=admin-creds");

        for (Manifest deployment : ofKind(manifests, "Deployment")) {
            JsonNode container = deployment.object().at("/spec/template/spec/containers/0");
            assertThat(env(container, "ZEN_WATCHER_REDIS_URI").at("/valueFrom/secretKeyRef").toString())
                    .isEqualTo("{\"name\":\"redis-creds\",\"key\":\"uri\"}");
            assertThat(env(container, "REDIS_PASSWORD").isMissingNode()).isTrue();
        }
        for (String admin : List.of("zen-watcher-ingester", "zen-watcher-controller")) {
            JsonNode container = named(manifests, "Deployment", admin).object().at("/spec/template/spec/containers/0");
            assertThat(env(container, "ZEN_WATCHER_ADMIN_TOKEN").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("admin-creds");
        }
        JsonNode writer = named(manifests, "Deployment", "zen-watcher-writer").object().at("/spec/template/spec/containers/0");
        assertThat(env(writer, "ZEN_WATCHER_ADMIN_TOKEN").isMissingNode()).as("writers serve no admin API").isTrue();
    }

    @Test
    void everyComponentHasOnlyThePermissionsItsJobNeeds() {
        List<Manifest> manifests = chart.render(List.of(PRODUCTION));

        assertThat(named(manifests, "ServiceAccount", "zen-watcher-ingester").object().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(manifests).filteredOn(m -> m.kind().endsWith("RoleBinding"))
                .noneMatch(m -> m.object().path("subjects").toString().contains("zen-watcher-ingester"));
        assertThat(named(manifests, "ClusterRole", "zen-watcher-writer").object().path("rules").toString())
                .isEqualTo("[{\"apiGroups\":[\"zen.kube-zen.io\"],\"resources\":[\"observations\"],\"verbs\":[\"create\",\"get\"]},"
                        + "{\"apiGroups\":[\"zen.kube-zen.io\"],\"resources\":[\"observations/status\"],\"verbs\":[\"patch\"]}]");

        JsonNode controller = named(manifests, "Deployment", "zen-watcher-controller").object().at("/spec/template/spec/containers/0");
        String lease = env(controller, "ZEN_WATCHER_LEADER_LEASE_NAME").path("value").asText();
        JsonNode roleRules = named(manifests, "Role", "zen-watcher-controller").object().path("rules");
        JsonNode namedLease = find(roleRules, "resourceNames", lease);
        assertThat(texts(namedLease.path("resources"))).containsExactly("leases");
        assertThat(texts(namedLease.path("verbs"))).containsExactly("get", "update");
        JsonNode secrets = find(roleRules, "resources", "secrets");
        assertThat(texts(secrets.path("verbs"))).containsExactly("get");
        assertThat(texts(secrets.path("resourceNames"))).containsExactly("falco-ingest");
        assertThat(manifests).filteredOn(m -> m.kind().endsWith("Role"))
                .allSatisfy(role -> assertThat(role.object().path("rules").toString()).doesNotContain("\"*\""));
    }

    @Test
    void writersAndControllersNameThemselvesAfterTheirPod() {
        List<Manifest> manifests = chart.render(List.of());

        // The writer's consumer name in the group, the controller's identity in the Lease.
        for (String name : List.of("zen-watcher-writer", "zen-watcher-controller")) {
            JsonNode container = named(manifests, "Deployment", name).object().at("/spec/template/spec/containers/0");
            assertThat(env(container, "POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText()).as(name).isEqualTo("metadata.name");
        }
    }

    @Test
    void writerNamespacesAreBoundOneByOne() {
        List<Manifest> manifests = chart.render(List.of(), "writer.allowedNamespaces={team-a,team-b}");

        assertThat(ofKind(manifests, "RoleBinding")).filteredOn(m -> m.name().equals("zen-watcher-writer"))
                .extracting(m -> m.object().at("/metadata/namespace").asText()).containsExactly("team-a", "team-b");
        assertThat(ofKind(manifests, "ClusterRoleBinding")).extracting(Manifest::name).doesNotContain("zen-watcher-writer");
        JsonNode writer = named(manifests, "Deployment", "zen-watcher-writer").object().at("/spec/template/spec/containers/0");
        assertThat(env(writer, "ZEN_WATCHER_WRITER_ALLOWED_NAMESPACES").path("value").asText()).isEqualTo("team-a,team-b");
    }

    @Test
    void aNamespacedInstallGetsRolesInItsNamespacesAndNoClusterWideGrant() {
        List<Manifest> manifests = chart.render(List.of(PRODUCTION), "install.name=team-a",
                "install.namespaces={team-a,zen-system}");

        assertThat(manifests).extracting(Manifest::kind).doesNotContain("ClusterRole", "ClusterRoleBinding");
        for (String component : List.of("zen-watcher-controller", "zen-watcher-writer")) {
            assertThat(ChartRbac.grantsOf(manifests, ZenWatcherChart.NAMESPACE, component)).as(component)
                    .isNotEmpty().extracting(Grant::namespace).containsOnly("team-a", "zen-system");
        }
        assertThat(ChartRbac.grantsOf(manifests, ZenWatcherChart.NAMESPACE, "zen-watcher-controller"))
                .contains(Grant.namespaced("team-a", "zen.kube-zen.io", "observations", "delete"),
                        Grant.namespaced("team-a", "wgpolicyk8s.io", "policyreports", "watch"));
        for (Manifest deployment : ofKind(manifests, "Deployment")) {
            JsonNode container = deployment.object().at("/spec/template/spec/containers/0");
            assertThat(env(container, "ZEN_WATCHER_INSTALL_NAME").path("value").asText()).isEqualTo("team-a");
            assertThat(env(container, "ZEN_WATCHER_INSTALL_NAMESPACES").path("value").asText())
                    .isEqualTo("team-a,zen-system");
            assertThat(env(container, "ZEN_WATCHER_REDIS_KEY_PREFIX").path("value").asText()).as("its own prefix")
                    .isEqualTo("zw-team-a:");
        }
        assertThat(only(manifests, "ScaledObject").object().at("/spec/triggers/0/metadata/stream").asText())
                .isEqualTo(new RedisKeys("zw-team-a:", RedisConnectionOptions.DEFAULT_QUEUE_SHARDS).observationStream(0));
        assertThat(only(manifests, "PrometheusRule").object().toString()).contains("install=\\\"team-a\\\"");
    }

    @Test
    void anInstallOfTheWholeClusterKeepsItsClusterRolesAndTheFormerKeyPrefix() {
        List<Manifest> manifests = chart.render(List.of());

        assertThat(ofKind(manifests, "ClusterRole")).extracting(Manifest::name)
                .containsExactlyInAnyOrder("zen-watcher-controller", "zen-watcher-writer");
        JsonNode controller = named(manifests, "Deployment", "zen-watcher-controller").object()
                .at("/spec/template/spec/containers/0");
        assertThat(env(controller, "ZEN_WATCHER_INSTALL_NAME").path("value").asText()).as("the release name")
                .isEqualTo(ZenWatcherChart.RELEASE);
        assertThat(env(controller, "ZEN_WATCHER_INSTALL_NAMESPACES").isMissingNode()).isTrue();
        assertThat(env(controller, "ZEN_WATCHER_REDIS_KEY_PREFIX").path("value").asText())
                .isEqualTo(RedisConnectionOptions.DEFAULT_KEY_PREFIX);
    }

    @Test
    void theServiceMonitorScrapesPrometheusOnEveryComponentsHttpPort() {
        List<Manifest> manifests = chart.render(List.of(PRODUCTION));

        JsonNode endpoint = only(manifests, "ServiceMonitor").object().at("/spec/endpoints/0");
        assertThat(endpoint.path("path").asText()).isEqualTo("/prometheus");
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(ofKind(manifests, "Service")).hasSize(3)
                .allSatisfy(s -> assertThat(find(s.object().at("/spec/ports"), "name", "http").isMissingNode()).isFalse());
    }

    @Test
    void theKnativeServiceUsesWhatTheChartProvides() throws Exception {
        List<Manifest> manifests = chart.render(List.of(), "ingester.enabled=false");
        Path knative = DeployFiles.root().getParent().resolve("knative/ingester-service.yaml");
        JsonNode service = Manifest.parse(Files.readString(knative), knative.toString()).get(0).object();
        JsonNode pod = service.at("/spec/template/spec");

        assertThat(ofKind(manifests, "Deployment")).extracting(Manifest::name).doesNotContain("zen-watcher-ingester");
        assertThat(service.at("/metadata/name").asText()).isEqualTo("zen-watcher-ingester");
        assertThat(service.at("/metadata/namespace").asText()).isEqualTo(ZenWatcherChart.NAMESPACE);
        named(manifests, "ServiceAccount", pod.path("serviceAccountName").asText());
        named(manifests, "ConfigMap", volumeOf(pod, "config").at("/configMap/name").asText());
        String chartImage = named(manifests, "Deployment", "zen-watcher-writer").object().at("/spec/template/spec/containers/0/image").asText();
        assertThat(pod.at("/containers/0/image").asText()).isEqualTo(chartImage);
        JsonNode writer = named(manifests, "Deployment", "zen-watcher-writer").object().at("/spec/template/spec/containers/0");
        assertThat(env(pod.at("/containers/0"), "ZEN_WATCHER_INSTALL_NAME").path("value").asText())
                .isEqualTo(env(writer, "ZEN_WATCHER_INSTALL_NAME").path("value").asText());
        assertThat(env(pod.at("/containers/0"), "PORT").isMissingNode()).as("Knative sets PORT itself").isTrue();
    }

    private static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Manifest only(List<Manifest> manifests, String kind) {
        List<Manifest> found = ofKind(manifests, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Manifest named(List<Manifest> manifests, String kind, String name) {
        return ofKind(manifests, kind).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    private static JsonNode env(JsonNode container, String name) {
        return find(container.path("env"), "name", name);
    }

    /** The first element of {@code array} whose {@code field} is {@code value}, or is a list holding it. */
    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(e -> e.path(field).isArray() ? texts(e.path(field)).contains(value) : e.path(field).asText().equals(value))
                .findFirst().orElse(MissingNode.getInstance());
    }

    private static String mountedAt(JsonNode container, String path) {
        return find(container.path("volumeMounts"), "mountPath", path).path("name").asText();
    }

    private static JsonNode volumeOf(JsonNode pod, String name) {
        return find(pod.path("volumes"), "name", name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }
}
