package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.ingester.writer.throttle.RetryListener;
import io.kubezen.watcher.ingester.writer.throttle.RetryPolicy;
import io.kubezen.watcher.ingester.writer.throttle.RetryingObservationSink;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.kube.Fault;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink against the in-process API server, including what only it can do on cue: faults. */
class KubernetesObservationSinkIT extends KubernetesObservationSinkContract {

    private static final String OBSERVATIONS_PATH = "/apis/zen.kube-zen.io/v1alpha1/namespaces/[^/]+/observations";

    private TestApiServer server;

    @Override
    protected ApiClient client() {
        return server.apiClient();
    }

    @Override
    protected ObservationSink newSink(WriteRails rails) {
        server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACE).build().start();
        return super.newSink(rails);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void throttledWriteCarriesRetryAfterAndPausesEveryWriter() {
        server.inject(Fault.status(429).on("POST", OBSERVATIONS_PATH).retryAfter(Duration.ofSeconds(3)));

        WriteResult throttled = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-429"));
        WriteResult next = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-next"));

        assertThat(throttled.outcome()).isEqualTo(WriteResult.Outcome.RETRYABLE);
        assertThat(throttled.reason()).isEqualTo(FailureReason.THROTTLED);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(next.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        // The pause, then the status patch after the create, which takes one more token at the resumed rate.
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3),
                Duration.ofMillis((long) (1000 / WriteThrottle.DEFAULT_QPS)));
    }

    @Test
    void retryingSinkGetsThroughPassingServerErrors() {
        server.inject(Fault.status(503).on("POST", OBSERVATIONS_PATH).times(2));
        ObservationSink retrying = new RetryingObservationSink(sink(), RetryPolicy.defaults(), sleeper, new Random(7),
                RetryListener.NOOP);
        ObservationWrite write = TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-503");

        WriteResult result = retrying.write(write);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(server.requestCount("POST", OBSERVATIONS_PATH)).isEqualTo(3);
    }

    @Test
    void anObservationDeletedBetweenItsCreateAndItsStatusIsCreatedAllTheSame() {
        server.inject(Fault.status(404).on("PATCH", OBSERVATIONS_PATH + "/.*/status"));

        WriteResult result = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-gc"));

        assertThat(result.outcome()).as("garbage collection may delete it at once; nothing to dead-letter")
                .isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(server.requestCount("PATCH", OBSERVATIONS_PATH + "/.*/status")).isEqualTo(1);
    }

    @Test
    void forbiddenIsPermanent() {
        server.inject(Fault.status(403).on("POST", OBSERVATIONS_PATH));

        WriteResult result = sink().write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-403"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.PERMANENT);
        assertThat(result.reason()).isEqualTo(FailureReason.FORBIDDEN);
    }

    @Test
    void unreachableServerIsRetryable() {
        ObservationSink sink = sink();
        server.close();

        WriteResult result = sink.write(TestObservations.write(NAMESPACE, "falco", Severity.HIGH, "fp-down"));

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.RETRYABLE);
        assertThat(result.reason()).isEqualTo(FailureReason.UNAVAILABLE);
    }
}
