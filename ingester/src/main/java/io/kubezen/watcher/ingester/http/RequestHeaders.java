package io.kubezen.watcher.ingester.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The request headers the receive path looks at, with case-insensitive names as HTTP requires. It lets
 * the auth and limit components take plain maps instead of a framework request.
 */
public final class RequestHeaders {

    private final Function<String, List<String>> lookup;

    private RequestHeaders(Function<String, List<String>> lookup) {
        this.lookup = lookup;
    }

    public static RequestHeaders of(Map<String, ? extends Collection<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
        copy.replaceAll((name, list) -> List.copyOf(list));
        return new RequestHeaders(name -> copy.getOrDefault(name, List.of()));
    }

    /**
     * Reads the server's own headers when asked, instead of copying them for every request: most sources look at
     * one header or none.
     *
     * @param lookup every value of a header, in arrival order, its name matched case-insensitively; empty when
     *               absent
     */
    public static RequestHeaders view(Function<String, List<String>> lookup) {
        return new RequestHeaders(lookup);
    }

    public Optional<String> first(String name) {
        List<String> list = lookup.apply(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every value of a header that may repeat, in arrival order. */
    public List<String> all(String name) {
        return lookup.apply(name);
    }
}
