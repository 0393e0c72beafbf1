package io.kubezen.watcher.controller.informer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import org.junit.jupiter.api.AfterEach;

/** Informer sources against the in-process API server. */
class KubernetesSourceWatchIT extends KubernetesSourceWatchContract {

    private static final String NAMESPACE = "shop";

    private TestApiServer server;

    KubernetesSourceWatchIT(RedisServerHandle redis) {
        super(redis);
    }

    @Override
    protected ApiClient connect() {
        server = TestApiServer.builder().crdResource(POLICY_REPORTS_CRD).namespaces(NAMESPACE).build().start();
        return server.apiClient();
    }

    @Override
    protected String prepareNamespace() {
        return NAMESPACE;
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }
}
