package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubezen.watcher.controller.logs.LogFollow;
import io.kubezen.watcher.controller.logs.LogFollowStarter;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogSource;
import io.kubezen.watcher.controller.logs.LogsOptions;
import io.kubezen.watcher.controller.logs.StreamSlots;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * Follows a source's pods with client-java: a pod informer and one log stream per container. The client must have no
 * read timeout: watches and log follows are responses that stay open for as long as they run.
 */
public final class KubernetesLogFollowStarter implements LogFollowStarter {

    private final GenericKubernetesApi<V1Pod, V1PodList> pods;
    private final Dependencies deps;

    public KubernetesLogFollowStarter(ApiClient client, LogPositionStore positions, Admission admission,
                                      StreamSlots slots, LogsOptions options, MeterRegistry registry,
                                      ObservedEvents observed, Clock clock) {
        this.pods = new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client);
        this.deps = new Dependencies(new PodLogStreams(client), positions, admission, slots, options, registry,
                observed, clock);
    }

    @Override
    public LogFollow start(LogSource source) {
        return KubernetesLogFollow.start(source, pods, deps);
    }
}
