package io.kubezen.watcher.controller.informer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import io.kubezen.watcher.testing.redis.RedisServerHandle;

/** Informer sources against a real kube-apiserver, whose watch cache and selectors are the production ones. */
@WithRealApiServer
class KubernetesSourceWatchRealApiIT extends KubernetesSourceWatchContract {

    private final RealApiServer server;

    KubernetesSourceWatchRealApiIT(RedisServerHandle redis, RealApiServer server) {
        super(redis);
        this.server = server;
    }

    @Override
    protected ApiClient connect() {
        server.applyCrdResource(POLICY_REPORTS_CRD);
        return server.adminClient();
    }

    @Override
    protected String prepareNamespace() {
        return server.createNamespace("shop");
    }
}
