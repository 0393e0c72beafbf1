package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.kubezen.watcher.testing.kube.ContractObjects.configMap;
import static org.assertj.core.api.Assertions.assertThat;

/** A client-java shared informer sees every change, in order. Part of {@link KubernetesApiContract}. */
interface InformerContract {

    Duration EVENT_TIMEOUT = Duration.ofSeconds(15);

    ApiClient client();

    String namespace();

    @Test
    default void informerSeesAddUpdateDeleteInOrder() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        SharedInformerFactory factory = new SharedInformerFactory(client());
        SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(
                new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client()),
                V1ConfigMap.class, 0, namespace());
        informer.addEventHandler(new Recorder(events));
        factory.startAllRegisteredInformers();
        try {
            awaitSynced(informer);
            CoreV1Api core = new CoreV1Api(client());
            V1ConfigMap created = core.createNamespacedConfigMap(namespace(),
                    configMap("informed", Map.of("suite", "informer"), Map.of("v", "1"))).execute();
            created.setData(Map.of("v", "2"));
            core.replaceNamespacedConfigMap("informed", namespace(), created).execute();
            core.deleteNamespacedConfigMap("informed", namespace()).execute();

            List<String> seen = new ArrayList<>();
            while (seen.size() < 3) {
                String event = events.poll(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(event).as("informer events so far: %s", seen).isNotNull();
                seen.add(event);
            }
            assertThat(seen).containsExactly("add v=1", "update v=1->v=2", "delete v=2");
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    private static void awaitSynced(SharedIndexInformer<?> informer) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (!informer.hasSynced()) {
            assertThat(System.nanoTime() - deadline).as("informer synced in time").isNegative();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Keeps the events for the one config map this test changes, as short strings. */
    record Recorder(BlockingQueue<String> events) implements ResourceEventHandler<V1ConfigMap> {

        @Override
        public void onAdd(V1ConfigMap obj) {
            record("add " + data(obj), obj);
        }

        @Override
        public void onUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) {
            record("update " + data(oldObj) + "->" + data(newObj), newObj);
        }

        @Override
        public void onDelete(V1ConfigMap obj, boolean deletedFinalStateUnknown) {
            record("delete " + data(obj), obj);
        }

        private void record(String event, V1ConfigMap configMap) {
            if ("informed".equals(configMap.getMetadata().getName())) {
                events.add(event);
            }
        }

        private static String data(V1ConfigMap configMap) {
            return "v=" + (configMap.getData() == null ? null : configMap.getData().get("v"));
        }
    }
}
