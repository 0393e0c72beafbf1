package io.kubezen.watcher.controller.workqueue;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;

/**
 * Lists and watches one resource in one namespace or all, with a source's label and field selectors;
 * client-java's own lister-watcher passes no selectors. Informer sources use it for any resource, logs sources
 * for pods.
 */
public final class SelectorListerWatcher<T extends KubernetesObject, L extends KubernetesListObject>
        implements ListerWatcher<T, L> {

    private final GenericKubernetesApi<T, L> api;
    private final String namespace;
    private final String labelSelector;
    private final String fieldSelector;

    /**
     * @param namespace     null for every namespace (or a cluster-scoped resource)
     * @param labelSelector null for none
     * @param fieldSelector null for none
     */
    public SelectorListerWatcher(GenericKubernetesApi<T, L> api, String namespace, String labelSelector,
                                 String fieldSelector) {
        this.api = api;
        this.namespace = namespace;
        this.labelSelector = labelSelector;
        this.fieldSelector = fieldSelector;
    }

    @Override
    public L list(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return (namespace == null ? api.list(options) : api.list(namespace, options)).throwsApiException().getObject();
    }

    @Override
    public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
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
