package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.pipeline.IngestPipeline;
import io.kubezen.watcher.pipeline.SourceCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sources of one type while this process leads, and only then: each term starts them from scratch and
 * they stop when the term ends. Sources can change at any time through {@link #update}: a source that is gone or
 * changed stops, a new or changed one starts, an unchanged one keeps running. The informer and the logs duties
 * differ only in what they run for a source.
 *
 * @param <S> a compiled source
 * @param <R> what runs for one source during a term
 */
public abstract class SourceDuty<S, R extends RunningSource> implements LeaderDuty, InformerSourceRegistry {

    /** How often the duty looks at its term while no source changes; the term's end also interrupts it. */
    static final Duration TERM_CHECK = Duration.ofSeconds(1);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final SourceType type;
    private final String name;
    private final SourceCompiler compiler;
    private final Install install;
    private final Semaphore changed = new Semaphore(0);
    private volatile Map<String, S> desired = Map.of();

    /** @param install every source runs only in the namespaces of its own that this install owns */
    protected SourceDuty(SourceType type, String name, SourceCompiler compiler, Install install) {
        this.type = type;
        this.name = name;
        this.compiler = compiler;
        this.install = install;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * The namespaces of {@code wanted} (the spec's {@code field}) this install owns, {@code wanted} itself when
     * the install owns every namespace; a source that asks only for namespaces of other installs is invalid.
     */
    protected final List<String> ownedNamespaces(IngesterSpec spec, String field, List<String> wanted)
            throws InvalidSourceException {
        List<String> owned = install.scope(spec.source(), field, wanted);
        return owned.isEmpty() ? wanted : owned;
    }

    /** The source {@code spec} describes, running {@code pipeline}. */
    protected abstract S source(IngesterSpec spec, IngestPipeline pipeline) throws InvalidSourceException;

    /** True when {@code running} may keep running for {@code wanted} (null when the source is gone). */
    protected abstract boolean sameAs(S running, S wanted);

    /** Starts what runs for {@code source}, logging what it started. */
    protected abstract R start(String name, S source);

    /** Told after each reconcile what runs now, and told null when the term ends. */
    protected void running(Map<String, R> running) {
    }

    @Override
    public Set<SourceType> types() {
        return Set.of(type);
    }

    @Override
    public final Map<String, List<ConfigError>> update(List<IngesterSpec> specs) {
        Map<String, S> sources = new TreeMap<>();
        Map<String, List<ConfigError>> problems = new TreeMap<>();
        for (IngesterSpec spec : specs) {
            if (spec.type() != type) {
                continue;
            }
            try {
                sources.put(spec.source(), source(spec, compiler.compile(SourceDefinition.of(spec, null))));
            } catch (InvalidSourceException e) {
                problems.put(spec.source(), e.errors());
            }
        }
        desired = Map.copyOf(sources);
        changed.release();
        return problems;
    }

    @Override
    public final void lead(LeadershipTerm term) throws InterruptedException {
        Map<String, Running<S, R>> active = new HashMap<>();
        try {
            while (term.isActive()) {
                reconcile(active);
                if (changed.tryAcquire(TERM_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    changed.drainPermits();
                }
            }
        } finally {
            active.values().forEach(r -> r.handle().close());
            running(null);
        }
    }

    private void reconcile(Map<String, Running<S, R>> active) {
        Map<String, S> wanted = desired;
        for (String name : List.copyOf(active.keySet())) {
            if (!sameAs(active.get(name).source(), wanted.get(name))) {
                active.remove(name).handle().close();
                log.info("Stopped {} of source {}", name(), name);
            }
        }
        wanted.forEach((name, source) -> {
            if (!active.containsKey(name)) {
                active.put(name, new Running<>(source, start(name, source)));
            }
        });
        Map<String, R> handles = new HashMap<>();
        active.forEach((name, r) -> handles.put(name, r.handle()));
        running(Map.copyOf(handles));
    }

    private record Running<S, R>(S source, R handle) {
    }
}
