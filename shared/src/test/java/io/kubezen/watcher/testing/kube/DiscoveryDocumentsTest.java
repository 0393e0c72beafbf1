package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1APIGroupList;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import io.kubernetes.client.openapi.models.V1APIVersions;
import io.kubernetes.client.openapi.models.VersionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** client-java's models reject unknown and missing required fields, so decoding with them checks the shape. */
class DiscoveryDocumentsTest {

    private final DiscoveryDocuments discovery = new DiscoveryDocuments(
            new ResourceRegistry(List.of(SchemaFixture.WIDGETS)), "127.0.0.1:1");
    private final JSON json = new JSON();

    @Test
    void coreGroupListsItsResources() {
        V1APIVersions versions = decode("/api", V1APIVersions.class);
        V1APIResourceList core = decode("/api/v1", V1APIResourceList.class);

        assertThat(versions.getVersions()).containsExactly("v1");
        assertThat(core.getResources()).extracting(r -> r.getName())
                .containsExactly("namespaces", "namespaces/status", "configmaps", "secrets", "events", "pods",
                        "pods/status");
    }

    @Test
    void namedGroupsListTheirVersionsAndResources() {
        V1APIGroupList groups = decode("/apis", V1APIGroupList.class);
        V1APIGroup example = decode("/apis/example.io/", V1APIGroup.class);
        V1APIResourceList widgets = decode("/apis/example.io/v1", V1APIResourceList.class);

        assertThat(groups.getGroups()).extracting(V1APIGroup::getName)
                .containsExactly("coordination.k8s.io", "example.io");
        assertThat(example.getPreferredVersion().getVersion()).isEqualTo("v1");
        assertThat(widgets.getResources()).extracting(r -> r.getName() + " " + r.getNamespaced() + " " + r.getKind())
                .containsExactly("widgets true Widget", "widgets/status true Widget");
        assertThat(widgets.getResources().get(0).getVerbs()).contains("watch", "patch", "deletecollection");
    }

    @Test
    void versionIsComplete() {
        assertThat(decode("/version", VersionInfo.class).getGitVersion()).startsWith("v1.");
    }

    @Test
    void otherPathsAreNotDiscovery() {
        assertThat(discovery.find("/apis/example.io/v2")).isNull();
        assertThat(discovery.find("/apis/nope.io")).isNull();
        assertThat(discovery.find("/api/v1/configmaps")).isNull();
    }

    private <T> T decode(String path, Class<T> type) {
        JsonNode document = discovery.find(path);
        assertThat(document).as(path).isNotNull();
        return json.deserialize(document.toString(), type);
    }
}
