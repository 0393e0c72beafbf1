package io.kubezen.watcher.kube.model;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ListMeta;

import java.util.List;

/**
 * The list type of a custom resource, as informers list it. Each resource names its own subclass, which binds
 * {@code T}: client-java needs a concrete list class, and Gson reads the items' type from that binding.
 */
public abstract class ObjectList<T extends KubernetesObject> implements KubernetesListObject {

    @SerializedName("apiVersion")
    private String apiVersion;

    @SerializedName("kind")
    private String kind;

    @SerializedName("metadata")
    private V1ListMeta metadata;

    @SerializedName("items")
    private List<T> items;

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ListMeta getMetadata() {
        return metadata;
    }

    @Override
    public List<T> getItems() {
        return items;
    }
}
