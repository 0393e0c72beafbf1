package io.kubezen.watcher.controller.projection.kubernetes;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which updates reach the sync step: all but the leader's own lastEventAt writes. */
class IngesterInformersTest {

    private static final Gson GSON = new Gson();
    private static final Map<String, Object> READY = Map.of("observedGeneration", 2, "servedGeneration", 2);

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("lastEventAt moved", 2, with(READY, "2026-01-01T00:00:10Z"), false),
                Arguments.of("a resync: the same object", 2, with(READY, "2026-01-01T00:00:00Z"), true),
                Arguments.of("the spec changed", 3, with(READY, "2026-01-01T00:00:10Z"), true),
                Arguments.of("the status written by the sync step changed", 2,
                        with(Map.of("observedGeneration", 2), "2026-01-01T00:00:10Z"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void onlyTheLeadersLastEventWritesAreSkipped(String name, long generation, Map<String, Object> status,
                                                 boolean synced) {
        V1alpha1Ingester before = ingester(2, with(READY, "2026-01-01T00:00:00Z"));

        assertThat(IngesterInformers.onlyLastEventMoved(before, ingester(generation, status))).isEqualTo(!synced);
    }

    private static Map<String, Object> with(Map<String, Object> status, String lastEventAt) {
        Map<String, Object> all = new HashMap<>(status);
        all.put("lastEventAt", lastEventAt);
        return all;
    }

    private static V1alpha1Ingester ingester(long generation, Map<String, Object> status) {
        return new V1alpha1Ingester(new V1ObjectMeta().namespace("zen").name("github").generation(generation),
                GSON.toJsonTree(Map.of("source", "github")).getAsJsonObject(), GSON.toJsonTree(status).getAsJsonObject());
    }
}
