package io.kubezen.watcher.ingester.receive;

import io.micronaut.context.annotation.Requires;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.kubezen.watcher.ingester.sources.SourceCatalog;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every ingest request and counts refusals, by source and answer code: one place sees every outcome,
 * whichever handler produced it. A path that names no configured source is tagged {@code unknown}, so
 * scanning random paths cannot grow the number of series. The filter matches every path and checks the prefix
 * itself: the server matches a filter's patterns against every request's path, a new regular expression matcher or
 * Ant pattern split each time, except for the match-all pattern, which it resolves once.
 */
@Requires(condition = ReceiverRole.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class IngestMetricsFilter {

    private static final String SAMPLE = IngestMetricsFilter.class.getName() + ".sample";
    private static final String PATH = "/ingest";
    private static final String PATH_PREFIX = PATH + "/";

    private final MeterRegistry registry;
    private final SourceCatalog catalog;
    /** By source and code: a registry lookup builds and sorts tags, which every request would pay for. */
    private final Map<String, Map<Integer, Outcome>> outcomes = new ConcurrentHashMap<>();

    IngestMetricsFilter(MeterRegistry registry, SourceCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        if (isIngest(request.getPath())) {
            request.setAttribute(SAMPLE, Timer.start(registry));
        }
    }

    @ResponseFilter
    void stop(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (!isIngest(path)) {
            return;
        }
        Outcome outcome = outcome(source(path), response.code());
        request.getAttribute(SAMPLE, Timer.Sample.class).ifPresent(sample -> sample.stop(outcome.duration()));
        if (outcome.rejected() != null) {
            outcome.rejected().increment();
        }
    }

    private static boolean isIngest(String path) {
        return path.startsWith(PATH) && (path.length() == PATH.length() || path.charAt(PATH.length()) == '/');
    }

    private Outcome outcome(String source, int code) {
        return outcomes.computeIfAbsent(source, name -> new ConcurrentHashMap<>()).computeIfAbsent(code, answer -> {
            String tag = Integer.toString(answer);
            return new Outcome(registry.timer(MetricNames.REQUEST_DURATION, MetricNames.TAG_SOURCE, source,
                    MetricNames.TAG_OUTCOME, tag), answer < 400 ? null : registry.counter(MetricNames.REQUESTS_REJECTED,
                    MetricNames.TAG_SOURCE, source, MetricNames.TAG_REASON, tag));
        });
    }

    private String source(String path) {
        String name = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "";
        return catalog.find(name).isPresent() ? name : MetricNames.UNKNOWN_SOURCE;
    }

    /** @param rejected null for an answer below 400 */
    private record Outcome(Timer duration, Counter rejected) {
    }
}
