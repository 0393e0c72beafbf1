package io.kubezen.watcher.controller.informer;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.util.Map;

/**
 * The shared test fixture's {@code probes.harness.kube-zen.io/v1alpha1}, modelled the way client-java models a
 * resource (Gson, {@link KubernetesObject}). micronaut-kubernetes reads the version and kind from the class name.
 */
public class V1alpha1Probe implements KubernetesObject {

    @SerializedName("apiVersion")
    private String apiVersion;

    @SerializedName("kind")
    private String kind;

    @SerializedName("metadata")
    private V1ObjectMeta metadata;

    @SerializedName("spec")
    private Map<String, Object> spec;

    @SerializedName("status")
    private Map<String, Object> status;

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public Map<String, Object> getSpec() {
        return spec;
    }

    public Map<String, Object> getStatus() {
        return status;
    }
}
