package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sync step for one Ingester key: project it (or withdraw it), publish the whole document when it
 * changed, and bring the Ingester's status up to date. It is idempotent: a second call for an unchanged
 * Ingester publishes nothing and writes nothing. One worker thread calls it, so it needs no locking.
 *
 * <p>A generation that is invalid, or whose Secret cannot be read, does not withdraw the source: the last
 * valid generation stays published, because senders such as Falco and the audit webhook do not retry the
 * 404 or 401 a withdrawn source would answer, and their events would be lost. Only deleting the Ingester
 * withdraws it. The status says which generation is in force ({@code servedGeneration}).
 *
 * <p>Informer-type and logs-type Ingesters are not projected: the controller runs them itself, ingesters cannot.
 * An invalid edit of one leaves its last valid generation running, as long as this process runs it.
 */
public final class ProjectionSync {

    private final IngesterLookup ingesters;
    private final IngesterProjector projector;
    private final ConfigProjection projection;
    private final StatusWriter statuses;
    private final Clock clock;
    private final InformerIngesters informers;
    private final Map<String, Entry> entries = new HashMap<>();
    private long begunAt;

    ProjectionSync(IngesterLookup ingesters, IngesterProjector projector, ConfigProjection projection,
                   StatusWriter statuses, Clock clock, InformerIngesters informers) {
        this.ingesters = ingesters;
        this.projector = projector;
        this.projection = projection;
        this.statuses = statuses;
        this.clock = clock;
        this.informers = informers;
    }

    /**
     * Starts a leadership term from what the last leader published, so ingesters keep every source while
     * this leader works through its queue, and an Ingester that turned invalid keeps its last valid spec
     * across the takeover; entries of Ingesters deleted in between are withdrawn at once. Call it after the
     * informers synced.
     */
    public void begin() {
        entries.clear();
        ProjectedConfig published = projection.read();
        begunAt = published.version();
        Set<String> existing = ingesters.keys();
        published.sources().forEach((key, spec) -> {
            if (existing.contains(key)) {
                entries.put(key, new Entry(spec, null, null));
            }
        });
        if (entries.size() != published.sources().size()) {
            publish();
        }
    }

    /** @return false when waiting may settle the Ingester (a missing Secret): the caller retries it with backoff */
    public boolean sync(String key) {
        Optional<V1alpha1Ingester> found = ingesters.get(key);
        if (found.isEmpty() || runsInController(found.get())) {
            if (entries.containsKey(key)) {
                replace(key, null);
            }
            if (found.isEmpty()) {
                informers.remove(key);
                return true;
            }
            return syncInformer(key, found.get());
        }
        informers.remove(key);
        V1alpha1Ingester ingester = found.get();
        long generation = Objects.requireNonNullElse(ingester.getMetadata().getGeneration(), 0L);
        Entry previous = entries.get(key);
        ProjectionResult result = withoutConflict(key, projector.project(ingester.getMetadata().getNamespace(),
                ingester.getSpec(), previous == null ? null : previous.spec()));
        IngesterStatus current = ReadyStatus.parse(ingester.getStatus());
        Entry served = null;
        if (result.isValid()) {
            long configVersion = previous != null && previous.spec().equals(result.spec())
                    ? versionOf(previous, current)
                    : replace(key, new Entry(result.spec(), null, null));
            served = new Entry(result.spec(), configVersion, generation);
            entries.put(key, served);
        } else if (previous != null) {
            // The last valid generation stays in force; see the class comment.
            served = new Entry(previous.spec(), versionOf(previous, current),
                    previous.generation() != null ? previous.generation() : ReadyStatus.servedGeneration(current));
            entries.put(key, served);
        }
        IngesterStatus desired = ReadyStatus.desired(current, generation, result,
                served == null ? null : served.generation(), served == null ? null : served.version(), clock.instant());
        if (!ReadyStatus.same(current, desired)) {
            statuses.write(ingester.getMetadata().getNamespace(), ingester.getMetadata().getName(), desired);
        }
        return !result.retryable();
    }

    /**
     * An informer-type or logs-type Ingester is validated like any other, then run by a leader duty instead of
     * projected. An invalid edit leaves the last valid generation running; see the class comment.
     */
    private boolean syncInformer(String key, V1alpha1Ingester ingester) {
        ProjectionResult result = projector.project(ingester.getMetadata().getNamespace(), ingester.getSpec(), null);
        long generation = Objects.requireNonNullElse(ingester.getMetadata().getGeneration(), 0L);
        if (result.isValid()) {
            List<ConfigError> errors = informers.put(key, result.spec(), generation);
            if (!errors.isEmpty()) {
                result = ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, errors, false);
            }
        }
        IngesterStatus current = ReadyStatus.parse(ingester.getStatus());
        IngesterStatus desired = ReadyStatus.desired(current, generation, result, informers.runningGeneration(key),
                null, clock.instant());
        if (!ReadyStatus.same(current, desired)) {
            statuses.write(ingester.getMetadata().getNamespace(), ingester.getMetadata().getName(), desired);
        }
        return !result.retryable();
    }

    /** Two Ingesters may not serve one {@code spec.source}; the one projected first keeps it. */
    private ProjectionResult withoutConflict(String key, ProjectionResult result) {
        if (!result.isValid()) {
            return result;
        }
        String source = result.spec().source();
        for (Map.Entry<String, Entry> other : entries.entrySet()) {
            if (!other.getKey().equals(key) && other.getValue().spec().source().equals(source)) {
                return ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, List.of(new ConfigError(
                        "spec.source", "'" + source + "' is already served by Ingester " + other.getKey())),
                        true);
            }
        }
        return result;
    }

    /** Puts or removes one entry and publishes; when publishing fails the entry is as before, so a retry publishes again. */
    private long replace(String key, Entry next) {
        Entry before = next == null ? entries.remove(key) : entries.put(key, next);
        try {
            return publish();
        } catch (RuntimeException e) {
            if (before == null) {
                entries.remove(key);
            } else {
                entries.put(key, before);
            }
            throw e;
        }
    }

    /**
     * The version that last changed an unchanged entry. An entry carried over from the last leader does not
     * know it, but the status that leader wrote does.
     */
    private long versionOf(Entry previous, IngesterStatus current) {
        if (previous.version() != null) {
            return previous.version();
        }
        return current != null && current.configVersion() != null ? current.configVersion() : begunAt;
    }

    private long publish() {
        Map<String, IngesterSpec> document = new HashMap<>();
        entries.forEach((key, entry) -> document.put(key, entry.spec()));
        return projection.publish(document);
    }

    private static boolean runsInController(V1alpha1Ingester ingester) {
        return ingester.getSpec() != null && ingester.getSpec().has("type") && ingester.getSpec().get("type").isJsonPrimitive()
                && SourceType.fromWire(ingester.getSpec().get("type").getAsString()).filter(SourceType::runsInController)
                .isPresent();
    }

    /**
     * @param version    the configuration version that last changed this spec; null when carried over from
     *                   before this term or not yet published
     * @param generation the Ingester generation this spec is of; null when carried over from before this term
     */
    private record Entry(IngesterSpec spec, Long version, Long generation) {
    }
}
