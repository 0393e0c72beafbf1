package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ObjectStoreTest {

    private static final ResourceType CM = ResourceRegistry.CONFIG_MAPS;

    private final ObjectStore store = new ObjectStore(3);

    @Test
    void everyWriteTakesTheNextVersion() {
        ObjectNode a = put("a", "1");
        ObjectNode b = put("b", "1");
        ObjectNode a2 = put("a", "2");
        ObjectNode deleted = store.remove(CM, "ns", "a", current -> { });

        assertThat(List.of(a, b, a2, deleted)).extracting(ObjectStoreTest::version)
                .containsExactly(1001L, 1002L, 1003L, 1004L);
        assertThat(store.resourceVersion()).isEqualTo(1004);
        assertThat(store.get(CM, "ns", "a")).isNull();
    }

    @Test
    void returningTheCurrentObjectWritesNothing() {
        ObjectNode a = put("a", "1");

        ObjectNode same = store.put(CM, "ns", "a", current -> current);

        assertThat(same).isSameAs(a);
        assertThat(store.resourceVersion()).isEqualTo(1001);
    }

    @Test
    void snapshotsRollBackToAnEarlierVersion() {
        put("a", "1");
        put("b", "1");
        long then = store.resourceVersion();
        put("a", "2");
        store.remove(CM, "ns", "b", current -> { });
        put("c", "1");

        ObjectStore.Snapshot past = store.snapshot(CM, then);

        assertThat(past.resourceVersion()).isEqualTo(then);
        assertThat(past.objects().keySet()).containsExactly("ns/a", "ns/b");
        assertThat(past.objects().get("ns/a").path("data").path("v").asText()).isEqualTo("1");
    }

    @Test
    void versionsOlderThanTheHistoryHaveExpired() {
        put("a", "1");
        long old = store.resourceVersion();
        for (int i = 0; i < 4; i++) {
            put("a", "v" + i);
        }

        assertThat(catchThrowableOfType(ApiError.class, () -> store.snapshot(CM, old)).code()).isEqualTo(410);
        assertThat(catchThrowableOfType(ApiError.class, () -> store.watch(filter(), old, false)).code())
                .isEqualTo(410);
        assertThat(store.snapshot(CM, store.resourceVersion() - 2).objects()).hasSize(1);
    }

    @Test
    void watchReplaysHistoryThenFollowsLiveChanges() throws Exception {
        put("a", "1");
        long from = store.resourceVersion();
        put("b", "1");

        Subscription watch = store.watch(filter(), from, false);
        store.remove(CM, "ns", "a", current -> { });

        assertThat(drain(watch)).containsExactly("ADDED ns/b", "DELETED ns/a");
    }

    @Test
    void watchWithoutVersionStartsWithTheCurrentState() throws Exception {
        put("a", "1");
        put("b", "1");

        Subscription watch = store.watch(filter(), null, true);

        assertThat(drain(watch)).containsExactly("ADDED ns/a", "ADDED ns/b", "BOOKMARK ");
    }

    @Test
    void bookmarksNeverPromiseBeyondAQueuedEvent() {
        Subscription watch = store.watch(filter(), null, false);
        assertThat(watch.bookmarkVersion()).isEqualTo(1000);

        put("a", "1");

        assertThat(watch.bookmarkVersion()).isEqualTo(-1);
    }

    @Test
    void closedWatchesStopReceiving() throws Exception {
        Subscription watch = store.watch(filter(), null, false);
        store.closeWatches();
        put("a", "1");

        assertThat(watch.isClosed()).isTrue();
        assertThat(watch.poll(0)).isNull();
    }

    private ObjectNode put(String name, String value) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        Json.metadata(object).put("name", name).put("namespace", "ns");
        object.putObject("data").put("v", value);
        return store.put(CM, "ns", name, current -> object);
    }

    private static WatchFilter filter() {
        return new WatchFilter(CM, "ns", LabelSelector.EVERYTHING, FieldSelector.EVERYTHING);
    }

    private static long version(ObjectNode object) {
        return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
    }

    private static List<String> drain(Subscription watch) throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (WatchEvent event = watch.poll(0); event != null; event = watch.poll(0)) {
            events.add(event.type() + " " + event.key());
        }
        return events;
    }
}
