package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.InformerSpec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the informers of every informer-type source while this process leads, and only then: each term starts
 * them from scratch (the findings already emitted are in the shared {@link FindingStore}, so nothing is emitted
 * twice), and they stop when the term ends. Sources can change at any time through {@link #update}.
 */
public final class InformerDuty implements LeaderDuty, InformerSourceRegistry {

    /** How often the duty looks at its term while no source changes; the term's end also interrupts it. */
    static final Duration TERM_CHECK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(InformerDuty.class);

    private final SourceCompiler compiler;
    private final WatchStarter starter;
    private final Install install;
    private final Semaphore changed = new Semaphore(0);
    private volatile Map<String, InformerSource> desired = Map.of();
    /** The watches of this term; null until its first reconcile and outside terms. */
    private volatile Map<String, SourceWatch> running;

    /** @param install every source watches only the namespaces of its own that this install owns */
    public InformerDuty(SourceCompiler compiler, WatchStarter starter, Install install) {
        this.compiler = compiler;
        this.starter = starter;
        this.install = install;
    }

    @Override
    public String name() {
        return "informers";
    }

    @Override
    public Map<String, List<ConfigError>> update(List<IngesterSpec> specs) {
        Map<String, InformerSource> sources = new TreeMap<>();
        Map<String, List<ConfigError>> problems = new TreeMap<>();
        for (IngesterSpec spec : specs) {
            if (spec.type() != SourceType.INFORMER) {
                continue;
            }
            try {
                IngestPipeline pipeline = compiler.compile(SourceDefinition.of(spec, null));
                sources.put(spec.source(), new InformerSource(spec.source(), withinInstall(spec), pipeline,
                        spec.expectations()));
            } catch (InvalidSourceException e) {
                problems.put(spec.source(), e.errors());
            }
        }
        desired = Map.copyOf(sources);
        changed.release();
        return problems;
    }

    /** The spec with only the namespaces this install owns. */
    private InformerSpec withinInstall(IngesterSpec spec) throws InvalidSourceException {
        InformerSpec informer = spec.informer();
        List<String> owned = install.scope(spec.source(), "spec.informer.namespaces", informer.namespaces());
        return new InformerSpec(informer.group(), informer.version(), informer.resource(),
                owned.isEmpty() ? informer.namespaces() : owned, informer.labelSelector(), informer.fieldSelector(),
                informer.resyncSeconds(), informer.builtinMapping());
    }

    @Override
    public void lead(LeadershipTerm term) throws InterruptedException {
        Map<String, Running> active = new HashMap<>();
        try {
            while (term.isActive()) {
                reconcile(active);
                if (changed.tryAcquire(TERM_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    changed.drainPermits();
                }
            }
        } finally {
            active.values().forEach(r -> r.watch().close());
            running = null;
        }
    }

    /** True once this term's informers started and every one of them listed its objects. */
    @Override
    public boolean ready() {
        Map<String, SourceWatch> watches = running;
        return watches != null && watches.values().stream().allMatch(SourceWatch::hasSynced);
    }

    private void reconcile(Map<String, Running> active) {
        Map<String, InformerSource> wanted = desired;
        for (String name : List.copyOf(active.keySet())) {
            if (!active.get(name).source().sameAs(wanted.get(name))) {
                active.remove(name).watch().close();
                LOG.info("Stopped informers of source {}", name);
            }
        }
        wanted.forEach((name, source) -> {
            if (!active.containsKey(name)) {
                active.put(name, new Running(source, starter.start(source)));
                LOG.info("Started informers of source {} on {}", name, source.informer().resource());
            }
        });
        Map<String, SourceWatch> watches = new LinkedHashMap<>();
        active.forEach((name, r) -> watches.put(name, r.watch()));
        running = Map.copyOf(watches);
    }

    private record Running(InformerSource source, SourceWatch watch) {
    }
}
