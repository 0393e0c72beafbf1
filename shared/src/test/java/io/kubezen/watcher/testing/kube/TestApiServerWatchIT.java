package io.kubezen.watcher.testing.kube;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import okhttp3.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.kubezen.watcher.testing.kube.ContractObjects.CATALOG_GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.PROBES;
import static io.kubezen.watcher.testing.kube.ContractObjects.VERSION;
import static io.kubezen.watcher.testing.kube.ContractObjects.at;
import static io.kubezen.watcher.testing.kube.ContractObjects.configMap;
import static io.kubezen.watcher.testing.kube.ContractObjects.failure;
import static io.kubezen.watcher.testing.kube.ContractObjects.probe;
import static io.kubezen.watcher.testing.kube.ContractObjects.validSpec;
import static org.assertj.core.api.Assertions.assertThat;

/** Watch and list-consistency behaviour of the in-process server that a real cluster cannot be made to show on cue. */
class TestApiServerWatchIT {

    private static final String NS = "watching";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Type CONFIG_MAP_EVENT =
            new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType();

    private TestApiServer server;
    private ApiClient client;
    private CoreV1Api core;

    @BeforeEach
    void start() {
        TestApiServer.Builder builder = TestApiServer.builder().namespaces(NS).bookmarkInterval(Duration.ofMillis(100));
        KubernetesApiContract.FIXTURE_CRDS.forEach(builder::crdResource);
        server = builder.build().start();
        client = server.apiClient();
        core = new CoreV1Api(client);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void watchEndsWhenTimeoutSecondsRunOut() throws Exception {
        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).resourceVersion(currentVersion())
                .watch(true).timeoutSeconds(1).buildCall(null))) {
            CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(watch::hasNext);
            assertThat(more.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void watchFromACompactedVersionGetsExpiredErrorEvent() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("old", Map.of(), Map.of())).execute();
        String version = currentVersion();
        core.createNamespacedConfigMap(NS, configMap("newer", Map.of(), Map.of())).execute();
        server.compactHistory();

        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).resourceVersion(version).watch(true)
                .buildCall(null))) {
            Watch.Response<V1ConfigMap> event = watch.next();
            assertThat(event.type).isEqualTo("ERROR");
            assertThat(event.status.getCode()).isEqualTo(410);
            assertThat(event.status.getReason()).isEqualTo("Expired");
        }
    }

    @Test
    void informerRelistsAfterItsVersionWasCompacted() throws Exception {
        BlockingQueue<String> added = new LinkedBlockingQueue<>();
        SharedInformerFactory factory = new SharedInformerFactory(client);
        SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(
                new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client),
                V1ConfigMap.class, 0, NS);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap obj) {
                added.add(obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) {
            }

            @Override
            public void onDelete(V1ConfigMap obj, boolean deletedFinalStateUnknown) {
            }
        });
        factory.startAllRegisteredInformers();
        String path = "/api/v1/namespaces/" + NS + "/configmaps";
        try {
            awaitRequests(path, 2);
            core.createNamespacedConfigMap(NS, configMap("before", Map.of(), Map.of())).execute();
            assertThat(added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("before");

            int listAndWatch = server.requestCount("GET", path);
            core.createNamespacedConfigMap("default", configMap("unseen", Map.of(), Map.of())).execute();
            server.compactHistory();
            server.closeWatches();
            core.createNamespacedConfigMap(NS, configMap("after", Map.of(), Map.of())).execute();

            assertThat(added.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
            assertThat(server.requestCount("GET", path)).as("a re-watch answered with 410, then a relist")
                    .isGreaterThanOrEqualTo(listAndWatch + 2);
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    @Test
    void idleWatchGetsBookmarksWhenAllowed() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("marked", Map.of(), Map.of())).execute();
        String version = currentVersion();

        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).resourceVersion(version)
                .allowWatchBookmarks(true).watch(true).timeoutSeconds(5).buildCall(null))) {
            Watch.Response<V1ConfigMap> event = watch.next();
            assertThat(event.type).isEqualTo("BOOKMARK");
            assertThat(event.object.getMetadata().getResourceVersion()).isEqualTo(version);
        }
    }

    @Test
    void sendInitialEventsEndsWithAnAnnotatedBookmark() throws Exception {
        core.createNamespacedConfigMap(NS, configMap("initial", Map.of(), Map.of())).execute();

        List<String> seen = new ArrayList<>();
        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).sendInitialEvents(true)
                .resourceVersionMatch("NotOlderThan").allowWatchBookmarks(true).watch(true).timeoutSeconds(5)
                .buildCall(null))) {
            Watch.Response<V1ConfigMap> first = watch.next();
            Watch.Response<V1ConfigMap> second = watch.next();
            seen.add(first.type + " " + first.object.getMetadata().getName());
            seen.add(second.type + " " + second.object.getMetadata().getAnnotations());
        }

        assertThat(seen).containsExactly("ADDED initial", "BOOKMARK {k8s.io/initial-events-end=true}");
    }

    @Test
    void labelChangeTurnsModifiedIntoAddedAndDeleted() throws Exception {
        String version = currentVersion();
        V1ConfigMap cm = core.createNamespacedConfigMap(NS, configMap("moving", Map.of("app", "x"), Map.of()))
                .execute();
        cm.getMetadata().setLabels(Map.of("app", "y"));
        cm = core.replaceNamespacedConfigMap("moving", NS, cm).execute();
        cm.getMetadata().setLabels(Map.of("app", "x"));
        core.replaceNamespacedConfigMap("moving", NS, cm).execute();

        List<String> seen = new ArrayList<>();
        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).labelSelector("app=x")
                .resourceVersion(version).watch(true).timeoutSeconds(5).buildCall(null))) {
            while (seen.size() < 3 && watch.hasNext()) {
                seen.add(watch.next().type);
            }
        }

        assertThat(seen).containsExactly("ADDED", "DELETED", "ADDED");
    }

    @Test
    void stoppingTheServerEndsOpenWatches() throws Exception {
        try (Watch<V1ConfigMap> watch = watch(core.listNamespacedConfigMap(NS).resourceVersion(currentVersion())
                .watch(true).buildCall(null))) {
            CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(watch::hasNext);
            server.stop();
            assertThat(more.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void everyServedVersionWatchesTheSameObjects() throws Exception {
        CustomObjectsApi custom = new CustomObjectsApi(client);
        String version = (String) at(custom.listClusterCustomObject(CATALOG_GROUP, "v1beta1", "probeclasses").execute(),
                "metadata", "resourceVersion");
        custom.createClusterCustomObject(CATALOG_GROUP, "v1alpha1", "probeclasses", Map.of("apiVersion",
                CATALOG_GROUP + "/v1alpha1",
                "kind", "ProbeClass", "metadata", Map.of("name", "shared"))).execute();

        try (Watch<Object> watch = Watch.createWatch(client, custom.listClusterCustomObject(CATALOG_GROUP, "v1beta1",
                "probeclasses").resourceVersion(version).watch(true).timeoutSeconds(5).buildCall(null),
                new TypeToken<Watch.Response<Object>>() { }.getType())) {
            Watch.Response<Object> event = watch.next();
            assertThat(event.type).isEqualTo("ADDED");
            assertThat(at(event.object, "apiVersion")).isEqualTo(CATALOG_GROUP + "/v1beta1");
        }
    }

    @Test
    void continuedListReadsTheSnapshotOfItsFirstPage() throws Exception {
        CustomObjectsApi custom = new CustomObjectsApi(client);
        for (String name : List.of("p1", "p2", "p3", "p4")) {
            custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe(name, validSpec())).execute();
        }
        Object first = custom.listNamespacedCustomObject(GROUP, VERSION, NS, PROBES).limit(2).execute();
        custom.deleteNamespacedCustomObject(GROUP, VERSION, NS, PROBES, "p3").execute();
        custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe("p5", validSpec())).execute();

        Object rest = custom.listNamespacedCustomObject(GROUP, VERSION, NS, PROBES)
                ._continue((String) at(first, "metadata", "continue")).execute();

        assertThat((List<?>) at(rest, "items")).extracting(i -> at(i, "metadata", "name")).containsExactly("p3", "p4");
        assertThat(at(rest, "metadata", "resourceVersion")).isEqualTo(at(first, "metadata", "resourceVersion"));
    }

    @Test
    void continueTokenExpiresWithTheHistory() throws Exception {
        CustomObjectsApi custom = new CustomObjectsApi(client);
        for (String name : List.of("e1", "e2")) {
            custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe(name, validSpec())).execute();
        }
        Object first = custom.listNamespacedCustomObject(GROUP, VERSION, NS, PROBES).limit(1).execute();
        custom.createNamespacedCustomObject(GROUP, VERSION, NS, PROBES, probe("e3", validSpec())).execute();
        server.compactHistory();

        failure(410, () -> custom.listNamespacedCustomObject(GROUP, VERSION, NS, PROBES)
                ._continue((String) at(first, "metadata", "continue")).execute());
    }

    /** Waits until the informer's list and watch requests arrived, so later counts are its reaction to us. */
    private void awaitRequests(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.requestCount("GET", path) < count) {
            assertThat(System.nanoTime() - deadline).as("requests to " + path + " in time").isNegative();
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private String currentVersion() throws Exception {
        return core.listNamespacedConfigMap(NS).execute().getMetadata().getResourceVersion();
    }

    private Watch<V1ConfigMap> watch(Call call) throws Exception {
        return Watch.createWatch(client, call, CONFIG_MAP_EVENT);
    }
}
