package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;

/** Lists and watches the pods of one namespace (or all) that the source's label selector picks. */
final class PodListerWatcher implements ListerWatcher<V1Pod, V1PodList> {

    private final GenericKubernetesApi<V1Pod, V1PodList> api;
    private final String namespace;
    private final String labelSelector;

    /** @param namespace null for every namespace */
    PodListerWatcher(GenericKubernetesApi<V1Pod, V1PodList> api, String namespace, String labelSelector) {
        this.api = api;
        this.namespace = namespace;
        this.labelSelector = labelSelector;
    }

    @Override
    public V1PodList list(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return (namespace == null ? api.list(options) : api.list(namespace, options)).throwsApiException().getObject();
    }

    @Override
    public Watchable<V1Pod> watch(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return namespace == null ? api.watch(options) : api.watch(namespace, options);
    }

    private ListOptions options(CallGeneratorParams params) {
        ListOptions options = new ListOptions();
        options.setResourceVersion(params.resourceVersion);
        options.setTimeoutSeconds(params.timeoutSeconds);
        options.setLabelSelector(labelSelector);
        return options;
    }
}
