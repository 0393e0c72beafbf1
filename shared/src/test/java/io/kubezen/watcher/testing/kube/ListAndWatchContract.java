package io.kubezen.watcher.testing.kube;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.util.Watch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kubezen.watcher.testing.kube.ContractObjects.GROUP;
import static io.kubezen.watcher.testing.kube.ContractObjects.PROBES;
import static io.kubezen.watcher.testing.kube.ContractObjects.VERSION;
import static io.kubezen.watcher.testing.kube.ContractObjects.at;
import static io.kubezen.watcher.testing.kube.ContractObjects.configMap;
import static io.kubezen.watcher.testing.kube.ContractObjects.probe;
import static io.kubezen.watcher.testing.kube.ContractObjects.validSpec;
import static org.assertj.core.api.Assertions.assertThat;

/** Selectors, paging and watching from a resourceVersion. Part of {@link KubernetesApiContract}. */
interface ListAndWatchContract {

    ApiClient client();

    String namespace();

    /** Creates a fresh namespace named after {@code prefix} and returns its name. */
    String createNamespace(String prefix) throws Exception;

    @Test
    default void labelAndFieldSelectorsFilterLists() throws Exception {
        CoreV1Api core = new CoreV1Api(client());
        core.createNamespacedConfigMap(namespace(), configMap("sel-a",
                Map.of("suite", "sel", "app", "web", "tier", "fe"), Map.of())).execute();
        core.createNamespacedConfigMap(namespace(), configMap("sel-b",
                Map.of("suite", "sel", "app", "web", "tier", "be"), Map.of())).execute();
        core.createNamespacedConfigMap(namespace(), configMap("sel-c", Map.of("suite", "sel", "app", "db"), Map.of()))
                .execute();

        assertThat(names(core, "suite=sel,app=web", null)).containsExactly("sel-a", "sel-b");
        assertThat(names(core, "suite==sel,app!=web", null)).containsExactly("sel-c");
        assertThat(names(core, "suite=sel,tier in (fe,be)", null)).containsExactly("sel-a", "sel-b");
        assertThat(names(core, "suite=sel,tier notin (fe)", null)).containsExactly("sel-b", "sel-c");
        assertThat(names(core, "suite=sel,tier", null)).containsExactly("sel-a", "sel-b");
        assertThat(names(core, "suite=sel,!tier", null)).containsExactly("sel-c");
        assertThat(names(core, "suite=sel", "metadata.name=sel-b")).containsExactly("sel-b");
        assertThat(names(core, "suite=sel", "metadata.name!=sel-b,metadata.namespace=" + namespace()))
                .containsExactly("sel-a", "sel-c");
    }

    @Test
    default void pagesWithLimitAndContinue() throws Exception {
        CustomObjectsApi custom = new CustomObjectsApi(client());
        String pagingNamespace = createNamespace("paging");
        for (int i = 0; i < 25; i++) {
            custom.createNamespacedCustomObject(GROUP, VERSION, pagingNamespace, PROBES,
                    probe(String.format("page-%02d", i), validSpec())).execute();
        }
        List<Object> pages = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        String token = null;
        do {
            Object page = custom.listNamespacedCustomObject(GROUP, VERSION, pagingNamespace, PROBES).limit(10)
                    ._continue(token).execute();
            pages.add(page);
            ((List<?>) at(page, "items")).forEach(item -> names.add(at(item, "metadata", "name")));
            token = (String) at(page, "metadata", "continue");
        } while (token != null && !token.isEmpty());

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(p -> at(p, "metadata", "remainingItemCount")).containsExactly(15.0, 5.0, null);
        assertThat(names).hasSize(25).doesNotHaveDuplicates().isSorted();
        new CoreV1Api(client()).deleteNamespace(pagingNamespace).execute();
    }

    @Test
    default void watchReplaysChangesAfterAResourceVersion() throws Exception {
        CoreV1Api core = new CoreV1Api(client());
        Map<String, String> labels = Map.of("suite", "watch");
        core.createNamespacedConfigMap(namespace(), configMap("watch-1", labels, Map.of())).execute();
        String from = core.listNamespacedConfigMap(namespace()).labelSelector("suite=watch").execute()
                .getMetadata().getResourceVersion();
        V1ConfigMap second = core.createNamespacedConfigMap(namespace(), configMap("watch-2", labels, Map.of()))
                .execute();
        second.setData(Map.of("changed", "yes"));
        core.replaceNamespacedConfigMap("watch-2", namespace(), second).execute();
        core.deleteNamespacedConfigMap("watch-1", namespace()).execute();

        List<String> seen = new ArrayList<>();
        try (Watch<V1ConfigMap> watch = Watch.createWatch(client(), core.listNamespacedConfigMap(namespace())
                        .labelSelector("suite=watch").resourceVersion(from).watch(true).timeoutSeconds(10)
                        .buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType())) {
            while (seen.size() < 3 && watch.hasNext()) {
                Watch.Response<V1ConfigMap> event = watch.next();
                seen.add(event.type + " " + event.object.getMetadata().getName());
            }
        }

        assertThat(seen).containsExactly("ADDED watch-2", "MODIFIED watch-2", "DELETED watch-1");
    }

    private List<String> names(CoreV1Api core, String labelSelector, String fieldSelector) throws Exception {
        return core.listNamespacedConfigMap(namespace()).labelSelector(labelSelector).fieldSelector(fieldSelector)
                .execute().getItems().stream().map(c -> c.getMetadata().getName()).toList();
    }
}
