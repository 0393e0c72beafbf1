package io.kubezen.watcher.controller.informer.kubernetes;

import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;

/**
 * Lists and watches any resource, named by group, version and plural only, in one namespace or all, with the
 * source's label and field selectors; client-java's own lister-watcher passes no selectors.
 */
final class DynamicListerWatcher implements ListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject> {

    private final GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api;
    private final String namespace;
    private final String labelSelector;
    private final String fieldSelector;

    /** @param namespace null for every namespace (or a cluster-scoped resource) */
    DynamicListerWatcher(GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api,
                         String namespace, String labelSelector, String fieldSelector) {
        this.api = api;
        this.namespace = namespace;
        this.labelSelector = labelSelector;
        this.fieldSelector = fieldSelector;
    }

    @Override
    public DynamicKubernetesListObject list(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return (namespace == null ? api.list(options) : api.list(namespace, options)).throwsApiException().getObject();
    }

    @Override
    public Watchable<DynamicKubernetesObject> watch(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return namespace == null ? api.watch(options) : api.watch(namespace, options);
    }

    private ListOptions options(CallGeneratorParams params) {
        ListOptions options = new ListOptions();
        options.setResourceVersion(params.resourceVersion);
        options.setTimeoutSeconds(params.timeoutSeconds);
        options.setLabelSelector(labelSelector);
        options.setFieldSelector(fieldSelector);
        return options;
    }
}
