package io.kubezen.watcher.kube.model;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * {@code ingesters.zen.kube-zen.io/v1alpha1} as client-java reads it (Gson). Spec and status stay JSON here:
 * the controller turns them into {@code config.IngesterSpec} and {@code config.IngesterStatus} with Jackson,
 * which knows our records and reports a bad field by its path.
 */
public class V1alpha1Ingester implements KubernetesObject {

    public static final String GROUP = "zen.kube-zen.io";
    public static final String VERSION = "v1alpha1";
    public static final String PLURAL = "ingesters";

    @SerializedName("apiVersion")
    private String apiVersion;

    @SerializedName("kind")
    private String kind;

    @SerializedName("metadata")
    private V1ObjectMeta metadata;

    @SerializedName("spec")
    private JsonObject spec;

    @SerializedName("status")
    private JsonObject status;

    public V1alpha1Ingester() {
    }

    public V1alpha1Ingester(V1ObjectMeta metadata, JsonObject spec, JsonObject status) {
        this.apiVersion = GROUP + "/" + VERSION;
        this.kind = "Ingester";
        this.metadata = metadata;
        this.spec = spec;
        this.status = status;
    }

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

    /** Null only for an object the API server would not have accepted. */
    public JsonObject getSpec() {
        return spec;
    }

    /** Null until the controller first wrote it. */
    public JsonObject getStatus() {
        return status;
    }
}
