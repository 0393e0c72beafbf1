package io.kubezen.watcher.filter;

import dev.cel.common.values.NullValue;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code observation} variable of filter expressions: the Observation as a map of CEL values. CEL
 * knows only int64, double, string, bool, null, lists and maps, so other Java numbers are converted, and
 * missing strings are "" so that {@code observation.resource.namespace.startsWith("prod")} works for an
 * event without a namespace instead of failing on a missing key.
 */
final class CelValues {

    private CelValues() {
    }

    static Map<String, Object> observation(Observation observation) {
        ObservationSpec spec = observation.spec();
        ResourceRef resource = spec.resource() == null ? new ResourceRef(null, null, null, null) : spec.resource();
        Map<String, Object> resourceView = new LinkedHashMap<>();
        resourceView.put("apiVersion", orEmpty(resource.apiVersion()));
        resourceView.put("kind", orEmpty(resource.kind()));
        resourceView.put("name", orEmpty(resource.name()));
        resourceView.put("namespace", orEmpty(resource.namespace()));
        Map<String, Object> details = spec.details() == null ? Map.of() : spec.details();

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", spec.source());
        view.put("category", spec.category().wireName());
        view.put("severity", spec.severity().wireName());
        view.put("eventType", spec.eventType());
        view.put("rule", details.get("rule") instanceof String rule ? rule : "");
        view.put("title", orEmpty(spec.title()));
        view.put("description", orEmpty(spec.description()));
        view.put("detectedAt", spec.detectedAt() == null ? "" : spec.detectedAt().toString());
        view.put("namespace", observation.namespace());
        view.put("resource", resourceView);
        view.put("details", value(details));
        view.put("labels", observation.labels());
        return view;
    }

    static Object value(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), value(v)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(value(element)));
            return converted;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big.doubleValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean
                ? value : String.valueOf(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
