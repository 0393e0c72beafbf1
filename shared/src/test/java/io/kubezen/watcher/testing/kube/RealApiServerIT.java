package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionCondition;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API contract against a real API server, to prove {@link TestApiServer} behaves like one. Uses the cluster of
 * {@code KUBECONFIG} when {@code -Dzen.it.real-cluster=true} (or {@code ZEN_IT_REAL_CLUSTER=true}) asks for it,
 * else k3s in Docker (image overridable with {@code -Dzen.it.k3s-image}); skipped when neither is available.
 * The fixture CRDs are applied (created or replaced) first; each run works in a namespace of its own.
 */
class RealApiServerIT extends KubernetesApiContract {

    private static final String K3S_IMAGE = System.getProperty("zen.it.k3s-image", "rancher/k3s:v1.31.4-k3s1");
    private static final Duration ESTABLISHED_TIMEOUT = Duration.ofSeconds(60);

    private K3sContainer k3s;

    @Override
    protected ApiClient connect() throws Exception {
        ApiClient client;
        if (realClusterRequested()) {
            client = ClientBuilder.standard().setReadTimeout(Duration.ZERO).build();
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE).asCompatibleSubstituteFor("rancher/k3s"));
            k3s.start();
            client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(k3s.getKubeConfigYaml())))
                    .setReadTimeout(Duration.ZERO).build();
        } else {
            Assumptions.abort("no real API server: Docker is not available for k3s, and no KUBECONFIG cluster was "
                    + "requested with -Dzen.it.real-cluster=true or ZEN_IT_REAL_CLUSTER=true");
            return null;
        }
        applyFixtureCrds(client);
        return client;
    }

    @Override
    protected void disconnect() {
        if (k3s != null) {
            k3s.stop();
        }
    }

    private static boolean realClusterRequested() {
        String kubeconfig = System.getenv("KUBECONFIG");
        boolean requested = Boolean.parseBoolean(System.getProperty("zen.it.real-cluster",
                System.getenv().getOrDefault("ZEN_IT_REAL_CLUSTER", "false")));
        return requested && kubeconfig != null && !kubeconfig.isBlank();
    }

    private static void applyFixtureCrds(ApiClient client) throws Exception {
        ApiextensionsV1Api api = new ApiextensionsV1Api(client);
        for (String resource : FIXTURE_CRDS) {
            V1CustomResourceDefinition crd = client.getJSON().deserialize(yamlAsJson(resource),
                    V1CustomResourceDefinition.class);
            String name = crd.getMetadata().getName();
            try {
                api.createCustomResourceDefinition(crd).execute();
            } catch (ApiException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                crd.getMetadata().setResourceVersion(api.readCustomResourceDefinition(name).execute()
                        .getMetadata().getResourceVersion());
                api.replaceCustomResourceDefinition(name, crd).execute();
            }
            awaitEstablished(api, name);
        }
    }

    private static void awaitEstablished(ApiextensionsV1Api api, String name) throws Exception {
        long deadline = System.nanoTime() + ESTABLISHED_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            V1CustomResourceDefinition crd = api.readCustomResourceDefinition(name).execute();
            List<V1CustomResourceDefinitionCondition> conditions = crd.getStatus() == null ? List.of()
                    : crd.getStatus().getConditions();
            if (conditions != null && conditions.stream()
                    .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("CRD " + name + " not established within " + ESTABLISHED_TIMEOUT);
    }

    private static String yamlAsJson(String resource) throws Exception {
        try (InputStream in = RealApiServerIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in).toString();
        }
    }
}
