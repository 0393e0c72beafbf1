package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** The kind of tool an Ingester receives from; the wire names are the CRD's {@code spec.type} enum. */
public enum SourceType {
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
    public String wireName() {
        return wireName;
    }

    public static Optional<SourceType> fromWire(String value) {
        for (SourceType t : values()) {
            if (t.wireName.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
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
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown source type '" + value + "', expected one of falco, k8s-audit, alertmanager, cloudevents, "
                        + "webhook, informer, logs"));
    }
}
