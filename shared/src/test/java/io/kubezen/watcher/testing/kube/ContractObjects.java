package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Builders and accessors the contract suite shares, so each test reads as the behaviour it checks. */
final class ContractObjects {

    static final String GROUP = "harness.kube-zen.io";
    static final String VERSION = "v1alpha1";
    static final String PROBES = "probes";
    static final String CATALOG_GROUP = "catalog.kube-zen.io";

    private ContractObjects() {
    }

    static V1ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
        return new V1ConfigMap().metadata(new V1ObjectMeta().name(name).labels(labels)).data(data);
    }

    /** A Probe as a generic map, the way CustomObjectsApi sends custom resources. */
    static Map<String, Object> probe(String name, Map<String, Object> spec) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("apiVersion", GROUP + "/" + VERSION);
        probe.put("kind", "Probe");
        probe.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
        probe.put("spec", new LinkedHashMap<>(spec));
        return probe;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> labelled(Map<String, Object> object, Map<String, String> labels) {
        ((Map<String, Object>) object.get("metadata")).put("labels", labels);
        return object;
    }

    static Map<String, Object> validSpec() {
        return new LinkedHashMap<>(Map.of("source", "falco", "severity", "high"));
    }

    /** Walks nested maps; null when any step is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object object, String... path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(step);
        }
        return current;
    }

    /** Runs a call that must fail with {@code code} and returns the Status it answered with. */
    static JsonNode failure(int code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(code);
        JsonNode status = Json.parse(e.getResponseBody().getBytes(StandardCharsets.UTF_8));
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(code);
        return status;
    }
}
