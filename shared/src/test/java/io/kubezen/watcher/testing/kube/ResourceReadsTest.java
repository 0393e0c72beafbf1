package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResourceReadsTest {

    private static final ResourceType CM = ResourceRegistry.CONFIG_MAPS;

    private final ObjectStore store = new ObjectStore(100);
    private final ResourceReads reads = new ResourceReads(store);

    @BeforeEach
    void fiveConfigMapsInTwoNamespaces() {
        for (String key : List.of("a/1", "a/2", "a/3", "b/1", "b/2")) {
            String[] parts = key.split("/");
            ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
            Json.metadata(object).put("name", parts[1]).put("namespace", parts[0]).putObject("labels")
                    .put("odd", String.valueOf(Integer.parseInt(parts[1]) % 2 == 1));
            store.put(CM, parts[0], parts[1], current -> object);
        }
    }

    @Test
    void pagesCountWhatRemainsAndEndWithoutAToken() {
        List<ObjectNode> pages = pages(Map.of("limit", "2"));

        assertThat(pages).extracting(p -> p.path("items").size()).containsExactly(2, 2, 1);
        assertThat(pages).extracting(p -> p.path("metadata").path("remainingItemCount").asText(null))
                .containsExactly("3", "1", null);
        assertThat(pages).extracting(p -> p.path("metadata").path("resourceVersion").asText()).containsOnly("1005");
    }

    @Test
    void selectedPagesHaveNoRemainingCount() {
        List<ObjectNode> pages = pages(Map.of("limit", "1", "labelSelector", "odd=true"));

        assertThat(pages).extracting(p -> p.path("items").get(0).path("metadata").path("name").asText())
                .containsExactly("1", "3", "1");
        assertThat(pages).allSatisfy(p -> assertThat(p.path("metadata").has("remainingItemCount")).isFalse());
    }

    @Test
    void builtinListItemsCarryNoTypeMeta() {
        ObjectNode list = reads.list(CM, "b", ListOptions.from(Map.of(), CM));

        assertThat(list.path("kind").asText()).isEqualTo("ConfigMapList");
        assertThat(list.path("items").get(0).has("kind")).isFalse();
        assertThat(list.path("items").get(0).has("apiVersion")).isFalse();
    }

    @Test
    void garbledContinueTokensAreBadRequests() {
        ApiError error = catchThrowableOfType(ApiError.class,
                () -> reads.list(CM, null, ListOptions.from(Map.of("continue", "bm9wZQ"), CM)));

        assertThat(error.code()).isEqualTo(400);
    }

    private List<ObjectNode> pages(Map<String, String> query) {
        List<ObjectNode> pages = new ArrayList<>();
        String token = "";
        do {
            Map<String, String> q = new HashMap<>(query);
            q.put("continue", token);
            ObjectNode page = reads.list(CM, null, ListOptions.from(q, CM));
            pages.add(page);
            token = page.path("metadata").path("continue").asText("");
        } while (!token.isEmpty());
        return pages;
    }
}
