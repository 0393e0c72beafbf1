package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink against a real kube-apiserver: create, 409 on a redelivery, the status subresource patched with a
 * resourceVersion precondition, schema refusals naming the field, and RBAC's own 403.
 */
@WithRealApiServer
class KubernetesObservationSinkRealApiIT extends KubernetesObservationSinkContract {

    private final RealApiServer server;

    KubernetesObservationSinkRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @Override
    protected ApiClient client() {
        return server.adminClient();
    }

    @Override
    protected String prepareNamespace() {
        return server.createNamespace("sink");
    }

    @Test
    void anAccountWithoutTheWritersRoleIsForbiddenPermanently() {
        String token = server.serviceAccountToken(namespace(), "no-role");
        ObservationSink sink = new KubernetesObservationSink(server.client(token), WriteRails.defaults(), throttle);

        WriteResult result = sink.write(TestObservations.write(namespace(), "falco", Severity.HIGH, "fp-403"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.FORBIDDEN);
        assertThat(result.message()).contains("cannot create resource \"observations\"");
    }
}
