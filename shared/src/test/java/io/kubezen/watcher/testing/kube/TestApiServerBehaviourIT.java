package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.Discovery;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.PatchUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.kubezen.watcher.testing.kube.ContractObjects.CATALOG_GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.PROBES;
import static io.kubezen.watcher.testing.kube.ContractObjects.VERSION;
import static io.kubezen.watcher.testing.kube.ContractObjects.at;
import static io.kubezen.watcher.testing.kube.ContractObjects.configMap;
import static io.kubezen.watcher.testing.kube.ContractObjects.failure;
import static io.kubezen.watcher.testing.kube.ContractObjects.labelled;
import static io.kubezen.watcher.testing.kube.ContractObjects.probe;
import static io.kubezen.watcher.testing.kube.ContractObjects.validSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Behaviour of the in-process server beyond the shared contract: discovery, faults, and its documented rules. */
class TestApiServerBehaviourIT {

    private static final String NS = "behaviour";

    private TestApiServer server;
    private ApiClient client;
    private CoreV1Api core;
    private CustomObjectsApi custom;

    @BeforeEach
    void start() {
        TestApiServer.Builder builder = TestApiServer.builder().namespaces(NS);
        KubernetesApiContract.FIXTURE_CRDS.forEach(builder::crdResource);
        server = builder.build().start();
        client = server.apiClient();
        core = new CoreV1Api(client);
        custom = new CustomObjectsApi(client);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void discoveryListsBuiltinAndCustomResources() throws Exception {
        Set<Discovery.APIResource> resources = new Discovery(client).findAll();

        Map<String, Discovery.APIResource> byKind = resources.stream()
                .collect(Collectors.toMap(Discovery.APIResource::getKind, r -> r, (a, b) -> a));
        assertThat(byKind.keySet()).contains("Namespace", "ConfigMap", "Secret", "Event", "Lease", "Probe",
                "ProbeClass");
        assertThat(byKind.get("Probe").getGroup()).isEqualTo(GROUP);
        assertThat(byKind.get("Probe").getResourcePlural()).isEqualTo("probes");
        assertThat(byKind.get("Probe").getNamespaced()).isTrue();
        assertThat(byKind.get("Probe").getSubResources()).containsExactly("status");
        assertThat(byKind.get("ProbeClass").getGroup()).isEqualTo(CATALOG_GROUP);
        assertThat(byKind.get("ProbeClass").getNamespaced()).isFalse();
        assertThat(byKind.get("ProbeClass").getPreferredVersion()).isEqualTo("v1beta1");
        assertThat(byKind.get("Lease").getGroup()).isEqualTo("coordination.k8s.io");
        assertThat(new VersionApi(client).getCode().execute().getMajor()).isEqualTo("1");
    }

    @Test
    void injectedFaultsAnswerTheNextMatchingRequests() throws Exception {
        server.inject(Fault.status(429).on("POST", "/api/v1/namespaces/" + NS + "/configmaps")
                .retryAfter(Duration.ofSeconds(2)).times(2));

        for (int attempt = 1; attempt <= 2; attempt++) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> core.createNamespacedConfigMap(NS,
                    configMap("faulty", Map.of(), Map.of())).execute());
            assertThat(e.getCode()).isEqualTo(429);
            assertThat(e.getResponseHeaders()).containsEntry("Retry-After", List.of("2"));
            JsonNode status = Json.parse(e.getResponseBody().getBytes(StandardCharsets.UTF_8));
            assertThat(status.path("reason").asText()).isEqualTo("TooManyRequests");
            assertThat(status.path("details").path("retryAfterSeconds").asInt()).isEqualTo(2);
        }
        core.createNamespacedConfigMap(NS, configMap("faulty", Map.of(), Map.of())).execute();

        assertThat(server.requestCount("POST", "/api/v1/namespaces/" + NS + "/configmaps")).isEqualTo(3);
        assertThat(server.requestCount("GET", ".*")).isZero();
    }

    @Test
    void replacingWithoutResourceVersionIsConflict() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("unversioned", Map.of(), Map.of())).execute();

        JsonNode status = failure(409, () -> core.replaceNamespacedConfigMap("unversioned", NS,
                configMap("unversioned", Map.of(), Map.of("k", "v"))).execute());

        assertThat(status.path("reason").asText()).isEqualTo("Conflict");
    }

    @Test
    void unchangedReplaceKeepsTheResourceVersion() throws Exception {
        V1ConfigMap created = core.createNamespacedConfigMap(NS, configMap("same", Map.of(), Map.of("k", "v")))
                .execute();

        V1ConfigMap replaced = core.replaceNamespacedConfigMap("same", NS, created).execute();

        assertThat(replaced.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
    }

    @Test
    void namespacesMustExistAndTakeTheirObjectsWithThem() throws Exception {
        JsonNode missing = failure(404, () -> core.createNamespacedConfigMap("nowhere",
                configMap("lost", Map.of(), Map.of())).execute());
        assertThat(missing.path("message").asText()).isEqualTo("namespaces \"nowhere\" not found");

        core.createNamespacedConfigMap(NS, configMap("doomed", Map.of(), Map.of())).execute();
        V1Status answer = core.deleteNamespace(NS).execute();

        assertThat(answer.getKind()).as("the Namespace itself, read leniently as a Status").isEqualTo("Namespace");
        assertThat(core.listConfigMapForAllNamespaces().execute().getItems()).isEmpty();
    }

    @Test
    void generateNameMakesAUniqueName() throws Exception {
        V1ConfigMap template = new V1ConfigMap().metadata(new V1ObjectMeta().generateName("gen-"));

        String first = core.createNamespacedConfigMap(NS, template).execute().getMetadata().getName();
        String second = core.createNamespacedConfigMap(NS, template).execute().getMetadata().getName();

        assertThat(first).startsWith("gen-").hasSize(9).isNotEqualTo(second);
    }

    @Test
    void jsonPatchAppliesOperationsAndFailsOnATestMismatch() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("patched", Map.of(), Map.of("a", "1"))).execute();

        V1ConfigMap patched = PatchUtils.patch(V1ConfigMap.class, () -> core.patchNamespacedConfigMap("patched", NS,
                        new V1Patch("[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"1\"},"
                                + "{\"op\":\"add\",\"path\":\"/data/b\",\"value\":\"2\"},"
                                + "{\"op\":\"remove\",\"path\":\"/data/a\"}]")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_PATCH, client);
        assertThat(patched.getData()).isEqualTo(Map.of("b", "2"));

        failure(422, () -> PatchUtils.patch(V1ConfigMap.class, () -> core.patchNamespacedConfigMap("patched", NS,
                new V1Patch("[{\"op\":\"test\",\"path\":\"/data/b\",\"value\":\"9\"}]")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_PATCH, client));
    }

    @Test
    void strategicMergePatchWorksForBuiltinsButNotForCustomResources() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("smp", Map.of(), Map.of("a", "1"))).execute();
        custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe("smp", validSpec())).execute();

        V1ConfigMap patched = PatchUtils.patch(V1ConfigMap.class, () -> core.patchNamespacedConfigMap("smp", NS,
                new V1Patch("{\"data\":{\"b\":\"2\"}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);
        assertThat(patched.getData()).isEqualTo(Map.of("a", "1", "b", "2"));

        failure(415, () -> PatchUtils.patch(Object.class, () -> custom.patchNamespacedCustomObject(GROUP, VERSION,
                NS, PROBES, "smp", new V1Patch("{\"spec\":{\"priority\":2}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client));
    }

    @Test
    void patchWithPlainJsonContentTypeIsUnsupported() throws Exception {
        custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe("plain", validSpec())).execute();

        failure(415, () -> custom.patchNamespacedCustomObjectStatus(GROUP, VERSION, NS, PROBES, "plain",
                List.of(Map.of("op", "replace", "path", "/status", "value", Map.of()))).execute());
    }

    @Test
    void deleteCollectionDeletesTheSelectionAndAnswersWithIt() throws Exception {
        for (String name : List.of("keep", "drop-1", "drop-2")) {
            Map<String, String> labels = Map.of("app", name.startsWith("drop") ? "b" : "a");
            custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, labelled(probe(name, validSpec()), labels))
                    .execute();
        }

        Object deleted = custom.deleteCollectionNamespacedCustomObject(GROUP, VERSION, NS, PROBES)
                .labelSelector("app=b").execute();

        assertThat((List<?>) at(deleted, "items")).extracting(i -> at(i, "metadata", "name"))
                .containsExactly("drop-1", "drop-2");
        Object left = custom.listNamespacedCustomObject(GROUP, VERSION, NS, PROBES).execute();
        assertThat((List<?>) at(left, "items")).extracting(i -> at(i, "metadata", "name")).containsExactly("keep");
    }

    @Test
    void deletePreconditionsMustMatch() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("guarded", Map.of(), Map.of())).execute();

        failure(409, () -> core.deleteNamespacedConfigMap("guarded", NS)
                .body(new V1DeleteOptions().preconditions(new V1Preconditions().uid("not-the-uid"))).execute());

        assertThat(core.deleteNamespacedConfigMap("guarded", NS).execute().getStatus()).isEqualTo("Success");
    }

    @Test
    void customResourceDeleteReturnsTheObject() throws Exception {
        custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe("returned", validSpec())).execute();

        Object deleted = custom.deleteNamespacedCustomObject(GROUP, VERSION, NS, PROBES, "returned").execute();

        assertThat(at(deleted, "kind")).isEqualTo("Probe");
        assertThat(at(deleted, "metadata", "name")).isEqualTo("returned");
    }

    @Test
    void clusterScopedResourcesAreServedAtEveryVersion() throws Exception {
        custom.createClusterCustomObject(CATALOG_GROUP, "v1alpha1", "probeclasses", Map.of("apiVersion",
                CATALOG_GROUP + "/v1alpha1",
                "kind", "ProbeClass", "metadata", Map.of("name", "fast", "namespace", "ignored"),
                "spec", Map.of("description", "quick probes"))).execute();

        Object read = custom.getClusterCustomObject(CATALOG_GROUP, "v1beta1", "probeclasses", "fast").execute();

        assertThat(at(read, "apiVersion")).isEqualTo(CATALOG_GROUP + "/v1beta1");
        assertThat(at(read, "metadata", "namespace")).isNull();
        assertThat(at(read, "spec", "description")).isEqualTo("quick probes");
    }

    @Test
    void customResourcesNeedTheirKind() {
        Map<String, Object> probe = probe("kindless", validSpec());
        probe.remove("kind");

        JsonNode status = failure(400, () -> custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe)
                .execute());

        assertThat(status.path("message").asText()).startsWith("Object 'Kind' is missing");
    }

    @Test
    void invalidNamesAndLabelsAreRejected() {
        JsonNode status = failure(422, () -> core.createNamespacedConfigMap(NS, configMap("Not_A_Name",
                Map.of("ok", "bad value"), Map.of())).execute());

        List<String> fields = status.path("details").path("causes").findValuesAsText("field");
        assertThat(fields).containsExactly("metadata.name", "metadata.labels");
    }

    @Test
    void recordsWhichBearerTokenSentEachRequest() throws Exception {
        ApiClient alice = server.apiClient();
        alice.setApiKeyPrefix("Bearer");
        alice.setApiKey("alice");
        new CoreV1Api(alice).createNamespacedConfigMap(NS, configMap("from-alice", Map.of(), Map.of())).execute();
        core.createNamespacedConfigMap(NS, configMap("anonymous", Map.of(), Map.of())).execute();

        List<RecordedRequest> posts = server.requests("POST", "/api/v1/namespaces/" + NS + "/configmaps");

        assertThat(posts).extracting(RecordedRequest::bearerToken)
                .containsExactly(Optional.of("alice"), Optional.empty());
        assertThat(posts.get(0).at()).isBeforeOrEqualTo(posts.get(1).at());
    }
}
