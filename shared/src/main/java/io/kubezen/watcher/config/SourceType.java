package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.kubezen.watcher.model.WireNamed;

import java.util.Optional;

/** The kind of tool an Ingester receives from; the wire names are the CRD's {@code spec.type} enum. */
public enum SourceType implements WireNamed {
    FALCO("falco"),
    K8S_AUDIT("k8s-audit"),
    ALERTMANAGER("alertmanager"),
    CLOUDEVENTS("cloudevents"),
    WEBHOOK("webhook"),
    INFORMER("informer"),
    LOGS("logs");

    private final String wireName;

    SourceType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<SourceType> fromWire(String value) {
        return WireNamed.fromWire(SourceType.class, value);
    }

    /**
     * True for the types the controller's leader runs itself (it watches the cluster for them); they are never
     * received over HTTP, so they have no built-in source and are not projected to the ingesters.
     */
    public boolean runsInController() {
        return this == INFORMER || this == LOGS;
    }

    @JsonCreator
    static SourceType ofWire(String value) {
        return WireNamed.ofWire(SourceType.class, value, "source type");
    }
}
