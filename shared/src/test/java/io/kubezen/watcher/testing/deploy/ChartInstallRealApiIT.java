package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart installed on a real kube-apiserver: {@code helm install} with the default values, with a namespace
 * list (an install owning its release namespace and one tenant namespace), and every object of the production
 * values whose API group the server serves. Then its RBAC, proven by the server: each component is granted exactly
 * what {@link ComponentPermissions} says its code needs (nothing missing, nothing extra), the server allows each of
 * those, and refuses calls outside them with 403, a namespaced install's outside its namespaces too.
 */
@WithRealApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartInstallRealApiIT {

    private static final String PRODUCTION = "values-production.yaml";

    private final RealApiServer server;
    private InstalledChart installed;
    private InstalledChart namespaced;
    private InstalledChart production;
    private InstalledChart logsSources;

    ChartInstallRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @BeforeAll
    void install() {
        installed = InstalledChart.helmInstall(server);
        String tenant = server.createNamespace("tenant");
        namespaced = InstalledChart.helmInstall(server, namespace -> Map.of(
                "install", Map.of("namespaces", List.of(namespace, tenant))));
        production = InstalledChart.applyRendered(server, PRODUCTION);
        logsSources = InstalledChart.helmInstall(server,
                Map.of("controller", Map.of("logsSources", Map.of("enabled", true))));
    }

    @Test
    void helmInstallCreatesEveryComponent() throws Exception {
        List<String> deployments = new AppsV1Api(server.adminClient()).listNamespacedDeployment(installed.namespace())
                .execute().getItems().stream().map(d -> d.getMetadata().getName()).toList();

        assertThat(deployments).containsExactlyInAnyOrder(installed.name("controller"), installed.name("writer"),
                installed.name("ingester"));
        assertThat(installed.objects()).contains("ServiceAccount/" + installed.name("writer"),
                "ClusterRole/" + installed.name("controller"), "Role/" + installed.name("controller"),
                "NetworkPolicy/" + installed.name("ingester"), "PodDisruptionBudget/" + installed.name("controller"));
    }

    @Test
    void productionValuesApplyAllButTheKindsOfAddOnsTheServerLacks() {
        assertThat(production.notServed()).containsExactlyInAnyOrder("keda.sh ScaledObject",
                "keda.sh TriggerAuthentication", "monitoring.coreos.com ServiceMonitor",
                "monitoring.coreos.com PrometheusRule");
        assertThat(production.objects()).contains("Deployment/" + production.name("writer"),
                "ConfigMap/" + production.name("dashboard"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ComponentPermissions.WRITER, ComponentPermissions.CONTROLLER, ComponentPermissions.RECEIVER})
    void eachComponentIsGrantedExactlyWhatItsCodeNeeds(String component) {
        for (InstalledChart chart : List.of(installed, namespaced, production, logsSources)) {
            Set<Grant> needed = ComponentPermissions.needed(component, chart);
            Set<Grant> granted = chart.grants(component);

            assertThat(difference(needed, granted)).as("%s with %s: needed, not granted", component,
                    chart.valuesFiles()).isEmpty();
            assertThat(difference(granted, needed)).as("%s with %s: granted, not needed", component,
                    chart.valuesFiles()).isEmpty();
        }
    }

    @Test
    void removingAnyRuleOfTheChartLeavesAComponentWithoutWhatItNeeds() {
        List<Manifest> manifests = installed.manifests();
        List<String> uncaught = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            Manifest role = manifests.get(i);
            if (!role.kind().endsWith("Role")) {
                continue;
            }
            for (int rule = 0; rule < role.object().path("rules").size(); rule++) {
                List<Manifest> mutated = new ArrayList<>(manifests);
                Manifest copy = new Manifest(role.origin(), role.object().deepCopy());
                ((ArrayNode) copy.object().path("rules")).remove(rule);
                mutated.set(i, copy);
                boolean caught = ComponentPermissions.COMPONENTS.stream().anyMatch(component ->
                        !ChartRbac.grantsOf(mutated, installed.namespace(), installed.name(component))
                                .containsAll(ComponentPermissions.needed(component, installed)));
                if (!caught) {
                    uncaught.add(role.origin() + " rule " + rule);
                }
            }
        }
        assertThat(uncaught).as("rules whose removal no component would miss").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ComponentPermissions.WRITER, ComponentPermissions.CONTROLLER})
    void theServerAllowsEverythingAComponentNeeds(String component) throws Exception {
        List<String> refused = new ArrayList<>();
        for (InstalledChart chart : List.of(installed, namespaced)) {
            for (Grant grant : ComponentPermissions.needed(component, chart)) {
                if (!allowed(chart.user(component), grant)) {
                    refused.add(grant.toString());
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aNamespacedInstallReachesNothingOutsideItsNamespaces() {
        ApiClient writer = server.client(namespaced.token(ComponentPermissions.WRITER));
        ApiClient controller = server.client(namespaced.token(ComponentPermissions.CONTROLLER));
        String elsewhere = server.createNamespace("elsewhere");

        assertThat(namespaced.objects()).noneMatch(object -> object.startsWith("Cluster"));
        forbidden(() -> new CustomObjectsApi(writer).createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1",
                elsewhere, "observations", Map.of()).execute());
        forbidden(() -> new CustomObjectsApi(controller).listNamespacedCustomObject("zen.kube-zen.io", "v1alpha1",
                elsewhere, "observations").execute());
        forbidden(() -> new CustomObjectsApi(controller).listClusterCustomObject("zen.kube-zen.io", "v1alpha1",
                "ingesters").execute());
        forbidden(() -> new CustomObjectsApi(controller).listNamespacedCustomObject("wgpolicyk8s.io", "v1alpha2",
                elsewhere, "policyreports").execute());
    }

    @Test
    void callsOutsideEachRoleAreForbidden() throws Exception {
        ApiClient writer = server.client(installed.token(ComponentPermissions.WRITER));
        ApiClient controller = server.client(installed.token(ComponentPermissions.CONTROLLER));
        ApiClient receiver = server.client(installed.token(ComponentPermissions.RECEIVER));
        String ns = installed.namespace();
        String elsewhere = server.createNamespace("elsewhere");

        forbidden(() -> new CoreV1Api(writer).createNamespacedSecret(ns, secret()).execute());
        forbidden(() -> new CoreV1Api(writer).deleteNamespacedPod("any", ns).execute());
        forbidden(() -> new CustomObjectsApi(writer).deleteNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", ns,
                "observations", "any").execute());
        forbidden(() -> new CoreV1Api(controller).createNamespacedSecret(ns, secret()).execute());
        forbidden(() -> new CoreV1Api(controller).deleteNamespacedPod("any", ns).execute());
        forbidden(() -> new CoreV1Api(controller).readNamespacedSecret("any", elsewhere).execute());
        forbidden(() -> new CoreV1Api(controller).listNamespacedSecret(ns).execute());
        forbidden(() -> new CustomObjectsApi(receiver).createNamespacedCustomObject("zen.kube-zen.io", "v1alpha1", ns,
                "observations", Map.of()).execute());
        forbidden(() -> new CoreV1Api(receiver).readNamespacedSecret("any", ns).execute());
    }

    private boolean allowed(String user, Grant grant) throws ApiException {
        V1ResourceAttributes attributes = new V1ResourceAttributes().verb(grant.verb()).group(grant.apiGroup())
                .resource(grant.resource().split("/")[0])
                .subresource(grant.resource().contains("/") ? grant.resource().split("/")[1] : null)
                .namespace(grant.namespace().equals(Grant.CLUSTER) ? null : grant.namespace())
                .name(grant.resourceName().isEmpty() ? null : grant.resourceName());
        String namespace = user.split(":")[2];
        V1SubjectAccessReview review = new AuthorizationV1Api(server.adminClient()).createSubjectAccessReview(
                new V1SubjectAccessReview().spec(new V1SubjectAccessReviewSpec().user(user).resourceAttributes(attributes)
                        .groups(List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace,
                                "system:authenticated")))).execute();
        return Boolean.TRUE.equals(review.getStatus().getAllowed());
    }

    private static void forbidden(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(403));
    }

    private static V1Secret secret() {
        return new V1Secret().metadata(new V1ObjectMeta().name("planted")).stringData(Map.of("k", "v"));
    }

    private static Set<Grant> difference(Set<Grant> a, Set<Grant> b) {
        Set<Grant> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }
}
