package io.kubezen.watcher.testing.crd;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;

import java.util.Set;

/** The examples against a real kube-apiserver, whose CEL rules and OpenAPI validation are the production ones. */
@WithRealApiServer
class DeployExamplesRealApiIT extends DeployExamplesContract {

    @Override
    protected ApiClient connect(Set<String> namespaces) {
        RealApiServer server = RealApiServer.shared();
        namespaces.forEach(server::ensureNamespace);
        return server.adminClient();
    }
}
