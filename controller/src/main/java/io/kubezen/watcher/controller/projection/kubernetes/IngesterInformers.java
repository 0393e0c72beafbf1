package io.kubezen.watcher.controller.projection.kubernetes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubezen.watcher.controller.projection.IngesterLookup;
import io.kubezen.watcher.controller.projection.IngesterWatch;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.kube.model.V1alpha1IngesterList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Informers on Ingesters for one leadership term: one for all namespaces, or one per watched namespace (a
 * client-java factory holds one informer per type, hence one factory each). The handlers only hand the
 * {@code namespace/name} key on; the sync step reads the object from the cache.
 */
public final class IngesterInformers implements IngesterWatch {

    private static final String LAST_EVENT_AT = "lastEventAt";

    private final List<SharedInformerFactory> factories = new ArrayList<>();
    private final List<SharedIndexInformer<V1alpha1Ingester>> informers = new ArrayList<>();

    /** @param namespaces empty for all namespaces */
    public IngesterInformers(ApiClient client, List<String> namespaces, Duration resync, Consumer<String> enqueue) {
        GenericKubernetesApi<V1alpha1Ingester, V1alpha1IngesterList> api = new GenericKubernetesApi<>(
                V1alpha1Ingester.class, V1alpha1IngesterList.class, V1alpha1Ingester.GROUP, V1alpha1Ingester.VERSION,
                V1alpha1Ingester.PLURAL, client);
        for (String namespace : namespaces.isEmpty() ? List.of("") : namespaces) {
            SharedInformerFactory factory = new SharedInformerFactory(client);
            SharedIndexInformer<V1alpha1Ingester> informer = namespace.isEmpty()
                    ? factory.sharedIndexInformerFor(api, V1alpha1Ingester.class, resync.toMillis())
                    : factory.sharedIndexInformerFor(api, V1alpha1Ingester.class, resync.toMillis(), namespace);
            informer.addEventHandler(new Handler(enqueue));
            factories.add(factory);
            informers.add(informer);
        }
    }

    @Override
    public void start() {
        factories.forEach(SharedInformerFactory::startAllRegisteredInformers);
    }

    @Override
    public boolean hasSynced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    @Override
    public Optional<V1alpha1Ingester> get(String key) {
        for (SharedIndexInformer<V1alpha1Ingester> informer : informers) {
            V1alpha1Ingester found = informer.getIndexer().getByKey(key);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        informers.forEach(informer -> keys.addAll(informer.getIndexer().listKeys()));
        return keys;
    }

    @Override
    public void close() {
        factories.forEach(SharedInformerFactory::stopAllRegisteredInformers);
    }

    /**
     * True for the leader's own {@code lastEventAt} writes: the same generation, and a status that differs in
     * that field alone. The sync step looks at nothing they change.
     */
    static boolean onlyLastEventMoved(V1alpha1Ingester before, V1alpha1Ingester after) {
        if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                || before.getStatus() == null || after.getStatus() == null) {
            return false;
        }
        JsonObject a = before.getStatus().deepCopy();
        JsonObject b = after.getStatus().deepCopy();
        JsonElement lastBefore = a.remove(LAST_EVENT_AT);
        JsonElement lastAfter = b.remove(LAST_EVENT_AT);
        return !Objects.equals(lastBefore, lastAfter) && a.equals(b);
    }

    private record Handler(Consumer<String> enqueue) implements ResourceEventHandler<V1alpha1Ingester> {

        @Override
        public void onAdd(V1alpha1Ingester ingester) {
            enqueue.accept(IngesterLookup.keyOf(ingester));
        }

        /**
         * Skips the leader's own {@code lastEventAt} writes, which come every interval for a busy source; a
         * resync (the same object twice) still goes through.
         */
        @Override
        public void onUpdate(V1alpha1Ingester before, V1alpha1Ingester after) {
            if (!onlyLastEventMoved(before, after)) {
                enqueue.accept(IngesterLookup.keyOf(after));
            }
        }

        @Override
        public void onDelete(V1alpha1Ingester ingester, boolean finalStateUnknown) {
            enqueue.accept(IngesterLookup.keyOf(ingester));
        }
    }
}
