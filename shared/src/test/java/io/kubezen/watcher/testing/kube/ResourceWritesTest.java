package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.kubezen.watcher.testing.kube.SchemaFixture.WIDGETS;
import static io.kubezen.watcher.testing.kube.SchemaFixture.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResourceWritesTest {

    private static final String SPEC = "{\"source\":\"falco\",\"severity\":\"high\"}";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:15:30.250Z"), ZoneOffset.UTC);

    private final ObjectStore store = new ObjectStore(100);
    private final ResourceWrites writes = new ResourceWrites(store, new ResourceRegistry(List.of(WIDGETS)), CLOCK);

    @BeforeEach
    void namespaceExists() {
        ObjectNode namespace = Json.object();
        Json.metadata(namespace).put("name", "ns");
        writes.create(ResourceRegistry.NAMESPACES, null, namespace);
    }

    @Test
    void createStampsSystemMetadataAndDropsStatus() {
        ObjectNode body = widget(SPEC);
        body.putObject("status").put("phase", "Done");

        ObjectNode created = writes.create(WIDGETS, "ns", body);

        assertThat(created.path("metadata").path("uid").asText()).hasSize(36);
        assertThat(created.path("metadata").path("creationTimestamp").asText()).isEqualTo("2024-05-01T10:15:30Z");
        assertThat(created.path("metadata").path("generation").asInt()).isEqualTo(1);
        assertThat(created.path("metadata").path("resourceVersion").asText()).isEqualTo("1002");
        assertThat(created.has("status")).isFalse();
        assertThat(created.path("spec").path("ttl").asInt()).as("default").isEqualTo(3600);
    }

    @Test
    void createRefusesDuplicatesAndPresetVersions() {
        writes.create(WIDGETS, "ns", widget(SPEC));
        ObjectNode versioned = widget(SPEC);
        Json.metadata(versioned).put("name", "other").put("resourceVersion", "5");

        assertThat(code(() -> writes.create(WIDGETS, "ns", widget(SPEC)))).isEqualTo(409);
        assertThat(code(() -> writes.create(WIDGETS, "ns", versioned))).isEqualTo(400);
        assertThat(code(() -> writes.create(WIDGETS, "other-ns", widget(SPEC)))).isEqualTo(400);
    }

    @Test
    void updateNeedsTheCurrentResourceVersion() {
        ObjectNode created = writes.create(WIDGETS, "ns", widget(SPEC));
        ObjectNode unversioned = created.deepCopy();
        Json.metadata(unversioned).remove("resourceVersion");
        ObjectNode stale = created.deepCopy();
        Json.metadata(stale).put("resourceVersion", "1");

        assertThat(code(() -> writes.update(WIDGETS, "ns", "w", false, unversioned))).isEqualTo(409);
        assertThat(code(() -> writes.update(WIDGETS, "ns", "w", false, stale))).isEqualTo(409);
        assertThat(code(() -> writes.update(WIDGETS, "ns", "other", false, created))).isEqualTo(400);
        assertThat(code(() -> writes.update(WIDGETS, "ns", "missing", false, renamed(created, "missing"))))
                .isEqualTo(404);
    }

    @Test
    void mainUpdateKeepsStatusAndCountsSpecChanges() {
        ObjectNode created = writes.create(WIDGETS, "ns", widget(SPEC));
        ObjectNode relabelled = created.deepCopy();
        Json.metadata(relabelled).putObject("labels").put("team", "a");
        relabelled.putObject("status").put("phase", "Done");

        ObjectNode afterLabels = writes.update(WIDGETS, "ns", "w", false, relabelled);
        ObjectNode respecced = afterLabels.deepCopy();
        ((ObjectNode) respecced.get("spec")).put("priority", 3);
        ObjectNode afterSpec = writes.update(WIDGETS, "ns", "w", false, respecced);

        assertThat(afterLabels.has("status")).isFalse();
        assertThat(afterLabels.path("metadata").path("generation").asInt()).isEqualTo(1);
        assertThat(afterSpec.path("metadata").path("generation").asInt()).isEqualTo(2);
    }

    @Test
    void statusUpdateChangesOnlyStatusAndIsValidated() {
        ObjectNode created = writes.create(WIDGETS, "ns", widget(SPEC));
        ObjectNode update = created.deepCopy();
        update.putObject("status").put("phase", "Done");
        ((ObjectNode) update.get("spec")).put("severity", "low");
        ObjectNode invalid = created.deepCopy();
        invalid.putObject("status").put("phase", "Lost");

        ObjectNode updated = writes.update(WIDGETS, "ns", "w", true, update);

        assertThat(updated.path("status").path("phase").asText()).isEqualTo("Done");
        assertThat(updated.path("spec").path("severity").asText()).isEqualTo("high");
        ApiError error = catchThrowableOfType(ApiError.class, () -> writes.update(WIDGETS, "ns", "w", true,
                atVersionOf(invalid, updated)));
        assertThat(error.status().path("details").path("causes").get(0).path("field").asText())
                .isEqualTo("status.phase");
    }

    @Test
    void unchangedUpdateIsNotAWrite() {
        ObjectNode created = writes.create(WIDGETS, "ns", widget(SPEC));

        ObjectNode same = writes.update(WIDGETS, "ns", "w", false, created);

        assertThat(same.path("metadata").path("resourceVersion")).isEqualTo(created.path("metadata")
                .path("resourceVersion"));
    }

    @Test
    void mergePatchWorksOnTheStoredObjectAndHonoursAGivenVersion() {
        writes.create(WIDGETS, "ns", widget(SPEC));

        ObjectNode patched = writes.patch(WIDGETS, "ns", "w", false, "application/merge-patch+json",
                bytes("{\"spec\":{\"priority\":4}}"));

        assertThat(patched.path("spec").path("priority").asInt()).isEqualTo(4);
        assertThat(code(() -> writes.patch(WIDGETS, "ns", "w", false, "application/merge-patch+json",
                bytes("{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":{\"priority\":5}}")))).isEqualTo(409);
        assertThat(code(() -> writes.patch(WIDGETS, "ns", "nope", false, "application/merge-patch+json",
                bytes("{}")))).isEqualTo(404);
        assertThat(code(() -> writes.patch(WIDGETS, "ns", "w", false, "application/merge-patch+json",
                bytes("{\"spec\":{\"priority\":99}}")))).isEqualTo(422);
    }

    private static ObjectNode renamed(ObjectNode object, String name) {
        ObjectNode copy = object.deepCopy();
        Json.metadata(copy).put("name", name);
        return copy;
    }

    private static ObjectNode atVersionOf(ObjectNode object, ObjectNode current) {
        ObjectNode copy = object.deepCopy();
        Json.metadata(copy).set("resourceVersion", current.path("metadata").path("resourceVersion"));
        return copy;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static int code(Runnable call) {
        return catchThrowableOfType(ApiError.class, call::run).code();
    }
}
