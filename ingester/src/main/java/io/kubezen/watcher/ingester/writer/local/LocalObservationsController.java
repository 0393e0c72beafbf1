package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.http.AdminGuard;
import io.kubezen.watcher.ingester.wiring.WriterProperties;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.Severity;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/observations}: the local sink's Observations, newest first, as a Kubernetes-style list.
 * Exists only when the local sink does; with the Kubernetes sink, {@code kubectl get obs} is the read side.
 * Observations carry user names, commands and payloads, so it answers only with the admin token, unless
 * {@code zen-watcher.writer.allow-unauthenticated-reads} is on (the {@code dev} environment). A meaningless
 * parameter is answered 400 with a problem+json body that names it.
 */
@Controller("/api/v1/observations")
@Requires(beans = JsonLinesObservationSink.class)
public class LocalObservationsController {

    private final JsonLinesObservationSink sink;
    private final AdminGuard guard;
    private final boolean allowUnauthenticated;

    public LocalObservationsController(JsonLinesObservationSink sink, AdminGuard guard, WriterProperties properties) {
        this.sink = sink;
        this.guard = guard;
        this.allowUnauthenticated = properties.allowUnauthenticatedReads();
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> list(HttpRequest<?> request, @QueryValue @Nullable String source,
                                     @QueryValue @Nullable String severity, @QueryValue @Nullable Integer limit)
            throws IOException {
        if (!allowUnauthenticated) {
            guard.check(request);
        }
        Severity wanted = blankToNull(severity) == null ? null : Severity.fromWire(severity).orElseThrow(
                () -> new InvalidQueryException("severity", "severity must be one of critical, high, medium, low, info, was " + severity));
        int max = limit == null ? ObservationQuery.DEFAULT_LIMIT : limit;
        if (max < 1 || max > ObservationQuery.MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limit must be between 1 and " + ObservationQuery.MAX_LIMIT + ", was " + max);
        }
        List<StoredObservation> items = sink.list(new ObservationQuery(blankToNull(source), wanted, max));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", Observation.API_GROUP + "/" + Observation.API_VERSION);
        list.put("kind", Observation.KIND + "List");
        list.put("items", items);
        return HttpResponse.ok(ObservationJson.MAPPER.writeValueAsString(list));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
