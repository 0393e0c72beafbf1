package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubezen.watcher.testing.kube.real.CrdApplier;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.StringReader;
import java.time.Duration;

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

    private static void applyFixtureCrds(ApiClient client) {
        CrdApplier crds = new CrdApplier(client, ESTABLISHED_TIMEOUT);
        FIXTURE_CRDS.forEach(crds::applyResource);
    }
}
