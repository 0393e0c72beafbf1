package io.kubezen.watcher.testing.kube;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrdLoaderTest {

    @Test
    void readsEveryServedVersionAndSkipsOtherDocuments() {
        List<ResourceType> types = CrdLoader.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: not-a-crd}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gadgets.example.io}
                spec:
                  group: example.io
                  scope: Cluster
                  names: {plural: gadgets, kind: Gadget, shortNames: [gd]}
                  versions:
                    - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
                    - {name: v1beta1, served: true, storage: false, schema: {openAPIV3Schema: {type: object}},
                       subresources: {status: {}}}
                    - {name: v1alpha1, served: false, storage: false, schema: {openAPIV3Schema: {type: object}}}
                """, "inline");

        assertThat(types).extracting(ResourceType::apiVersion).containsExactly("example.io/v1", "example.io/v1beta1");
        ResourceType v1 = types.get(0);
        assertThat(v1.namespaced()).isFalse();
        assertThat(v1.custom()).isTrue();
        assertThat(v1.singular()).isEqualTo("gadget");
        assertThat(v1.shortNames()).containsExactly("gd");
        assertThat(v1.statusSubresource()).isFalse();
        assertThat(types.get(1).statusSubresource()).isTrue();
    }

    @Test
    void aVersionWithoutSchemaIsRefused() {
        assertThatThrownBy(() -> CrdLoader.parse("""
                kind: CustomResourceDefinition
                spec:
                  group: example.io
                  names: {plural: gadgets, kind: Gadget}
                  versions: [{name: v1, served: true}]
                """, "broken.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("openAPIV3Schema");
    }

    @Test
    void kubernetesVersionPriorityPicksThePreferredVersion() {
        List<String> versions = new java.util.ArrayList<>(List.of("v1alpha1", "v2beta1", "v1", "v1beta2", "v2"));

        versions.sort(ResourceRegistry::byPriority);

        assertThat(versions).containsExactly("v2", "v1", "v2beta1", "v1beta2", "v1alpha1");
    }
}
