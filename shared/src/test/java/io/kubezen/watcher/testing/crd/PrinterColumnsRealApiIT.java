package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl get} against a real kube-apiserver shows our printer columns with their values: the server
 * builds the table from the CRDs' {@code additionalPrinterColumns}, so a wrong JSONPath shows up here as an
 * empty cell.
 */
@WithRealApiServer
class PrinterColumnsRealApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "zen.kube-zen.io";
    private static final String VERSION = "v1alpha1";

    private final RealApiServer server;
    private final CustomObjectsApi api;
    private final String namespace;

    PrinterColumnsRealApiIT(RealApiServer server) {
        this.server = server;
        this.api = new CustomObjectsApi(server.adminClient());
        this.namespace = server.createNamespace("columns");
    }

    @Test
    void observationsShowSeverityCountAndLastSeen() throws Exception {
        create("observations", "observation.yaml");
        String lastSeen = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS).toString();
        patchStatus("observations", "falco-3f9c2a7d1b4e-1764000000", Map.of(
                "firstSeen", "2026-11-24T05:00:00Z", "lastSeen", lastSeen, "duplicateCount", 4));

        List<Map<String, String>> table = table(server.kubectl("get", "obs", "--namespace", namespace));
        List<Map<String, String>> wide = table(server.kubectl("get", "obsv", "--namespace", namespace, "-o", "wide"));

        assertThat(table).singleElement().satisfies(row -> {
            assertThat(row.keySet()).containsExactly("NAME", "SOURCE", "CATEGORY", "SEVERITY", "EVENTTYPE", "COUNT",
                    "LAST SEEN", "AGE");
            assertThat(row).containsEntry("SOURCE", "falco").containsEntry("CATEGORY", "security")
                    .containsEntry("SEVERITY", "critical").containsEntry("EVENTTYPE", "runtime_threat")
                    .containsEntry("COUNT", "4");
            assertThat(row.get("LAST SEEN")).matches("(8\\d|9\\d|1\\d\\d)s|\\dm\\d+s");
        });
        assertThat(wide).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("KIND", "Pod").containsEntry("RESOURCE", "checkout-7d9f8b6c5-x2x4q"));
    }

    @Test
    void ingestersShowReadyAndTheirLastEvent() throws Exception {
        create("ingesters", "ingester-falco.yaml");
        patchStatus("ingesters", "falco-prod", Map.of(
                "observedGeneration", 1, "servedGeneration", 1,
                "lastEventAt", Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString(),
                "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "Projected",
                        "message", "served", "lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                .toString()))));

        List<Map<String, String>> table = table(server.kubectl("get", "ingesters", "--namespace", namespace));
        List<Map<String, String>> wide = table(server.kubectl("get", "zing", "--namespace", namespace, "-o", "wide"));

        assertThat(table).singleElement().satisfies(row -> {
            assertThat(row.keySet()).containsExactly("NAME", "SOURCE", "TYPE", "READY", "LAST EVENT", "AGE");
            assertThat(row).containsEntry("NAME", "falco-prod").containsEntry("SOURCE", "falco-prod")
                    .containsEntry("TYPE", "falco").containsEntry("READY", "True");
            assertThat(row.get("LAST EVENT")).matches("\\d+s");
        });
        assertThat(wide).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("REASON", "Projected").containsEntry("SERVED", "1"));
    }

    private void create(String plural, String example) throws Exception {
        ObjectNode object = (ObjectNode) DeployFiles.read(DeployFiles.root().resolve("examples").resolve(example));
        ((ObjectNode) object.get("metadata")).put("namespace", namespace);
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, plural, JSON.convertValue(object, Map.class))
                .execute();
    }

    private void patchStatus(String plural, String name, Map<String, Object> status) throws Exception {
        String patch = JSON.writeValueAsString(Map.of("status", status));
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(GROUP, VERSION, namespace, plural,
                name, new V1Patch(patch)).buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, server.adminClient());
    }

    /**
     * kubectl's table as rows of column to cell. Columns start where their header starts: headers are
     * separated by at least two spaces, but may hold one ("LAST SEEN").
     */
    private static List<Map<String, String>> table(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        String header = lines.get(0);
        List<String> names = Arrays.stream(header.trim().split(" {2,}")).toList();
        int[] starts = names.stream().mapToInt(header::indexOf).toArray();
        return lines.subList(1, lines.size()).stream().map(line -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                int end = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
                row.put(names.get(i), starts[i] >= line.length() ? "" : line.substring(starts[i], end).trim());
            }
            return row;
        }).toList();
    }
}
