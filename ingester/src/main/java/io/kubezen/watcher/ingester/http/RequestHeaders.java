package io.kubezen.watcher.ingester.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request headers the receive path looks at, with case-insensitive names as HTTP requires. It lets
 * the auth and limit components take plain maps instead of a framework request.
 */
public final class RequestHeaders {

    private final Map<String, List<String>> values;

    private RequestHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    public static RequestHeaders of(Map<String, ? extends Collection<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new RequestHeaders(copy);
    }

    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every value of a header that may repeat, in arrival order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
