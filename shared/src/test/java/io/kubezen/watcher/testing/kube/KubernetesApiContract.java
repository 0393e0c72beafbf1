package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.PatchUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.kubezen.watcher.testing.kube.ContractObjects.GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.PROBES;
import static io.kubezen.watcher.testing.kube.ContractObjects.VERSION;
import static io.kubezen.watcher.testing.kube.ContractObjects.at;
import static io.kubezen.watcher.testing.kube.ContractObjects.configMap;
import static io.kubezen.watcher.testing.kube.ContractObjects.failure;
import static io.kubezen.watcher.testing.kube.ContractObjects.probe;
import static io.kubezen.watcher.testing.kube.ContractObjects.validSpec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What our code relies on from a Kubernetes API server, checked through client-java over HTTP. It runs against
 * the in-process {@link TestApiServer} ({@code TestApiServerIT}) and against a real one ({@code RealApiServerIT}),
 * so a difference between them shows up as a failing test. Lists, watches, informers and leader election are
 * checked by the mixed-in {@link ListAndWatchContract}, {@link InformerContract} and {@link LeaderElectionContract}.
 *
 * <p>Each run works in a fresh namespace; the fixture CRDs ({@link #FIXTURE_CRDS}) must be served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KubernetesApiContract implements ListAndWatchContract, InformerContract,
        LeaderElectionContract {

    public static final List<String> FIXTURE_CRDS = List.of(
            "testing/kube/crds/probes.yaml", "testing/kube/crds/probeclasses.yaml");

    protected ApiClient client;
    protected String namespace;
    protected CoreV1Api core;
    protected CustomObjectsApi custom;
    private String skipReason;

    /**
     * Connects to the server under test, with the fixture CRDs served. Called once before the tests; may call
     * {@link Assumptions#abort(String)} when there is no server, which skips every test with that message.
     */
    protected abstract ApiClient connect() throws Exception;

    /** Releases what {@link #connect()} set up. Called once after the tests. */
    protected abstract void disconnect() throws Exception;

    @BeforeAll
    final void connectAndCreateNamespace() throws Exception {
        try {
            client = connect();
        } catch (TestAbortedException e) {
            skipReason = e.getMessage();
            return;
        }
        core = new CoreV1Api(client);
        custom = new CustomObjectsApi(client);
        namespace = createNamespace("contract");
    }

    @BeforeEach
    final void skipWithoutServer() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    final void deleteNamespaceAndDisconnect() throws Exception {
        if (client == null) {
            return;
        }
        try {
            if (namespace != null) {
                core.deleteNamespace(namespace).execute();
            }
        } finally {
            disconnect();
        }
    }

    @Override
    public ApiClient client() {
        return client;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String createNamespace(String prefix) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name))).execute();
        return name;
    }

    @Test
    void createGetReplaceDeleteRoundTrip() throws Exception {
        V1ConfigMap created = core.createNamespacedConfigMap(namespace,
                configMap("round-trip", Map.of("suite", "crud"), Map.of("key", "one"))).execute();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
        assertThat(created.getMetadata().getCreationTimestamp()).isNotNull();
        assertThat(created.getMetadata().getNamespace()).isEqualTo(namespace);

        V1ConfigMap read = core.readNamespacedConfigMap("round-trip", namespace).execute();
        assertThat(read.getData()).containsEntry("key", "one");

        read.setData(Map.of("key", "two"));
        V1ConfigMap replaced = core.replaceNamespacedConfigMap("round-trip", namespace, read).execute();
        assertThat(replaced.getData()).containsEntry("key", "two");
        assertThat(replaced.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());
        assertThat(replaced.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());

        core.deleteNamespacedConfigMap("round-trip", namespace).execute();
        failure(404, () -> core.readNamespacedConfigMap("round-trip", namespace).execute());
    }

    @Test
    void creatingAnExistingNameIsAlreadyExists() throws Exception {
        custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES, probe("twice", validSpec())).execute();

        JsonNode status = failure(409, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("twice", validSpec())).execute());

        assertThat(status.path("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(status.path("details").path("name").asText()).isEqualTo("twice");
    }

    @Test
    void readingAMissingObjectIsNotFound() {
        JsonNode status = failure(404, () -> custom.getNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                "never-created").execute());

        assertThat(status.path("reason").asText()).isEqualTo("NotFound");
        assertThat(status.path("message").asText()).isEqualTo("probes.harness.kube-zen.io \"never-created\" not found");
    }

    @Test
    void replacingWithAStaleResourceVersionIsConflict() throws Exception {
        V1ConfigMap original = core.createNamespacedConfigMap(namespace,
                configMap("stale", Map.of(), Map.of("k", "1"))).execute();
        core.replaceNamespacedConfigMap("stale", namespace, configMap("stale", Map.of(), Map.of("k", "2"))
                .metadata(original.getMetadata())).execute();

        JsonNode status = failure(409, () -> core.replaceNamespacedConfigMap("stale", namespace,
                configMap("stale", Map.of(), Map.of("k", "3")).metadata(original.getMetadata())).execute());

        assertThat(status.path("reason").asText()).isEqualTo("Conflict");
        assertThat(status.path("message").asText()).contains("the object has been modified");
    }

    @Test
    void generationCountsSpecChangesOnly() throws Exception {
        Object created = custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("generations", validSpec())).execute();
        assertThat(at(created, "metadata", "generation")).isEqualTo(1.0);

        Object relabelled = mergePatch("generations", "{\"metadata\":{\"labels\":{\"team\":\"a\"}}}");
        assertThat(at(relabelled, "metadata", "generation")).isEqualTo(1.0);

        Object changed = mergePatch("generations", "{\"spec\":{\"priority\":5}}");
        assertThat(at(changed, "metadata", "generation")).isEqualTo(2.0);
    }

    @Test
    void statusIsOnlyWrittenThroughTheStatusSubresource() throws Exception {
        Map<String, Object> withStatus = probe("status", validSpec());
        withStatus.put("status", Map.of("phase", "Done"));
        Object created = custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES, withStatus).execute();
        assertThat(at(created, "status")).as("status is dropped on create").isNull();

        @SuppressWarnings("unchecked")
        Map<String, Object> update = (Map<String, Object>) created;
        update.put("status", Map.of("phase", "Done", "count", 3));
        ((Map<String, Object>) update.get("spec")).put("severity", "low");
        Object statusWritten = custom.replaceNamespacedCustomObjectStatus(GROUP, VERSION, namespace, PROBES,
                "status", update).execute();
        assertThat(at(statusWritten, "status", "phase")).isEqualTo("Done");
        assertThat(at(statusWritten, "spec", "severity")).as("the status write ignores spec").isEqualTo("high");
        assertThat(at(statusWritten, "metadata", "generation")).isEqualTo(1.0);

        @SuppressWarnings("unchecked")
        Map<String, Object> mainUpdate = (Map<String, Object>) statusWritten;
        mainUpdate.put("status", Map.of("phase", "Pending"));
        Object mainWritten = custom.replaceNamespacedCustomObject(GROUP, VERSION, namespace, PROBES, "status",
                mainUpdate).execute();
        assertThat(at(mainWritten, "status", "phase")).as("the main write ignores status").isEqualTo("Done");
    }

    @Test
    void mergePatchMergesObjectsAndRemovesNulls() throws Exception {
        Map<String, Object> spec = validSpec();
        spec.put("priority", 3);
        spec.put("attributes", Map.of("a", "1", "b", "2"));
        custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES, probe("merged", spec)).execute();

        Object patched = mergePatch("merged", "{\"spec\":{\"priority\":null,\"attributes\":{\"b\":\"3\",\"c\":\"4\"}}}");

        assertThat(at(patched, "spec", "priority")).isNull();
        assertThat(at(patched, "spec", "attributes")).isEqualTo(Map.of("a", "1", "b", "3", "c", "4"));
        assertThat(at(patched, "spec", "source")).isEqualTo("falco");
    }

    @Test
    void schemaViolationsAreInvalidWithTheFieldPath() {
        Map<String, Object> spec = validSpec();
        spec.put("severity", "urgent");

        JsonNode status = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("invalid", spec)).execute());

        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        JsonNode cause = status.path("details").path("causes").get(0);
        assertThat(cause.path("field").asText()).isEqualTo("spec.severity");
        assertThat(cause.path("reason").asText()).isEqualTo("FieldValueNotSupported");
        assertThat(cause.path("message").asText()).isEqualTo("Unsupported value: \"urgent\": supported values: "
                + "\"critical\", \"high\", \"medium\", \"low\", \"info\"");
        assertThat(status.path("message").asText()).startsWith("Probe.harness.kube-zen.io \"invalid\" is invalid: ");
    }

    @Test
    void missingRequiredFieldsAndWrongTypesAreNamed() {
        Map<String, Object> spec = Map.of("severity", "low", "priority", "high");

        JsonNode status = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("incomplete", spec)).execute());

        // The fixture has CEL rules, which a real server reports unchecked when a field is missing or mistyped.
        assertThat(fields(status)).containsExactlyInAnyOrder("spec.source", "spec.priority", "<nil>");
    }

    private static List<String> fields(JsonNode status) {
        List<String> fields = new ArrayList<>();
        status.path("details").path("causes").forEach(c -> fields.add(c.path("field").asText()));
        return fields;
    }

    @Test
    void celRulesRefuseWithTheirMessageOnTheirPath() {
        Map<String, Object> podWithoutName = validSpec();
        podWithoutName.put("resource", Map.of("kind", "Pod"));
        Map<String, Object> highRatio = validSpec();
        highRatio.put("ratio", 0.7);

        JsonNode nested = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("cel-nested", podWithoutName)).execute());
        JsonNode withFieldPath = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace,
                PROBES, probe("cel-field-path", highRatio)).execute());

        JsonNode cause = nested.path("details").path("causes").get(0);
        assertThat(cause.path("field").asText()).isEqualTo("spec.resource");
        assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
        assertThat(cause.path("message").asText()).isEqualTo("Invalid value: name is required for kind Pod");
        assertThat(withFieldPath.path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.ratio");
        assertThat(withFieldPath.path("message").asText())
                .endsWith("spec.ratio: Invalid value: a ratio of 0.5 or more needs severity critical");
    }

    @Test
    void celRulesRunBesideNonBlockingSchemaErrorsOnly() {
        Map<String, Object> badPattern = validSpec();
        badPattern.put("source", "Upper");
        badPattern.put("ratio", 0.7);
        Map<String, Object> missingSource = Map.of("severity", "high", "ratio", 0.7);

        JsonNode both = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("cel-beside-pattern", badPattern)).execute());
        JsonNode blocked = failure(422, () -> custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("cel-blocked", missingSource)).execute());

        assertThat(fields(both)).containsExactly("spec.source", "spec.ratio");
        assertThat(fields(blocked)).containsExactly("spec.source", "<nil>");
        assertThat(blocked.path("details").path("causes").get(1).path("message").asText()).isEqualTo("Invalid value: "
                + "null: some validation rules were not checked because the object was invalid; correct the existing "
                + "errors to complete validation");
    }

    @Test
    void unknownFieldsArePruned() throws Exception {
        Map<String, Object> probe = probe("pruned", validSpec());
        probe.put("extra", "dropped");
        ((Map<String, Object>) probe.get("spec")).put("bogus", Map.of("deep", true));

        Object created = custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES, probe).execute();

        assertThat(at(created, "extra")).isNull();
        assertThat(at(created, "spec", "bogus")).isNull();
        assertThat(at(created, "spec", "source")).isEqualTo("falco");
        assertThat(at(created, "spec", "ttlSecondsAfterCreation")).as("schema default").isEqualTo(3600.0);
    }

    @Test
    void preserveUnknownFieldsKeepsFreeFormContent() throws Exception {
        Map<String, Object> spec = validSpec();
        spec.put("details", Map.of("rule", "shell in container", "nested", Map.of("pid", 42)));

        Object created = custom.createNamespacedCustomObject(GROUP, VERSION, namespace, PROBES,
                probe("preserved", spec)).execute();

        assertThat(at(created, "spec", "details", "rule")).isEqualTo("shell in container");
        assertThat(at(created, "spec", "details", "nested", "pid")).isEqualTo(42.0);
    }

    private Object mergePatch(String name, String patch) throws Exception {
        return PatchUtils.patch(Object.class, () -> custom.patchNamespacedCustomObject(GROUP, VERSION, namespace,
                PROBES, name, new V1Patch(patch)).buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }
}
