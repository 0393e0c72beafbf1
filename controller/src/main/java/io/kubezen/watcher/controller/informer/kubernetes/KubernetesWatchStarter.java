package io.kubezen.watcher.controller.informer.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.InformerSource;
import io.kubezen.watcher.controller.informer.SourceWatch;
import io.kubezen.watcher.controller.informer.WatchStarter;
import io.kubezen.watcher.controller.informer.WorkQueueOptions;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a source's informers with client-java on dynamic objects, so any resource works without generated models.
 * The client must have no read timeout: a watch is a response that stays open for minutes.
 */
public final class KubernetesWatchStarter implements WatchStarter {

    private final ApiClient client;
    private final FindingStore findings;
    private final Admission admission;
    private final WorkQueueOptions options;
    private final MeterRegistry registry;
    private final ObservedEvents observed;

    public KubernetesWatchStarter(ApiClient client, FindingStore findings, Admission admission,
                                  WorkQueueOptions options, MeterRegistry registry, ObservedEvents observed) {
        this.client = client;
        this.findings = findings;
        this.admission = admission;
        this.options = options;
        this.registry = registry;
        this.observed = observed;
    }

    @Override
    public SourceWatch start(InformerSource source) {
        String group = source.informer().group() == null ? "" : source.informer().group();
        // DynamicKubernetesApi, not a plain GenericKubernetesApi: it teaches the client's Gson to read dynamic lists.
        DynamicKubernetesApi api = new DynamicKubernetesApi(group, source.informer().version(),
                source.informer().resource(), client);
        return KubernetesSourceWatch.start(source, api, findings, admission, options, registry, observed);
    }
}
