package io.kubezen.watcher.controller.leader.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;

/** Lease election and failover against a real kube-apiserver. */
@WithRealApiServer
class LeaseLeaderElectionRealApiIT extends LeaseLeaderElectionContract {

    private final RealApiServer server;
    private final String namespace;

    LeaseLeaderElectionRealApiIT(RealApiServer server) {
        this.server = server;
        this.namespace = server.createNamespace("lease");
    }

    @Override
    protected ApiClient client() {
        return server.adminClient();
    }

    @Override
    protected String leaseNamespace() {
        return namespace;
    }
}
