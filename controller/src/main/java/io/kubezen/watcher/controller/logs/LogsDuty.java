package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.LogsSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.controller.informer.InformerSourceRegistry;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.install.Install;
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
 * Follows the pods of every logs-type source while this process leads, and only then: each term starts from
 * scratch (how far each container was read is in the shared {@link LogPositionStore}, so the new leader resumes
 * where the last one stopped), and every stream stops when the term ends. Sources change through {@link #update}.
 */
public final class LogsDuty implements LeaderDuty, InformerSourceRegistry {

    /** How often the duty looks at its term while no source changes; the term's end also interrupts it. */
    static final Duration TERM_CHECK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LogsDuty.class);

    private final SourceCompiler compiler;
    private final LogFollowStarter starter;
    private final Install install;
    private final Semaphore changed = new Semaphore(0);
    private volatile Map<String, LogSource> desired = Map.of();

    /** @param install every source follows pods only in the namespaces of its own that this install owns */
    public LogsDuty(SourceCompiler compiler, LogFollowStarter starter, Install install) {
        this.compiler = compiler;
        this.starter = starter;
        this.install = install;
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public Set<SourceType> types() {
        return Set.of(SourceType.LOGS);
    }

    @Override
    public Map<String, List<ConfigError>> update(List<IngesterSpec> specs) {
        Map<String, LogSource> sources = new TreeMap<>();
        Map<String, List<ConfigError>> problems = new TreeMap<>();
        for (IngesterSpec spec : specs) {
            if (spec.type() != SourceType.LOGS) {
                continue;
            }
            try {
                sources.put(spec.source(), new LogSource(spec.source(), withinInstall(spec),
                        compiler.compile(SourceDefinition.of(spec, null)), spec.expectations()));
            } catch (InvalidSourceException e) {
                problems.put(spec.source(), e.errors());
            }
        }
        desired = Map.copyOf(sources);
        changed.release();
        return problems;
    }

    private LogsSpec withinInstall(IngesterSpec spec) throws InvalidSourceException {
        LogsSpec logs = spec.logs();
        List<String> owned = install.scope(spec.source(), "spec.logs.namespaces", logs.namespaces());
        return new LogsSpec(owned.isEmpty() ? logs.namespaces() : owned, logs.podSelector(), logs.container(),
                logs.sinceSeconds(), logs.patterns());
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
            active.values().forEach(r -> r.follow().close());
        }
    }

    private void reconcile(Map<String, Running> active) {
        Map<String, LogSource> wanted = desired;
        for (String name : List.copyOf(active.keySet())) {
            if (!active.get(name).source().sameAs(wanted.get(name))) {
                active.remove(name).follow().close();
                LOG.info("Stopped following the logs of source {}", name);
            }
        }
        wanted.forEach((name, source) -> {
            if (!active.containsKey(name)) {
                active.put(name, new Running(source, starter.start(source)));
                LOG.info("Following the logs of source {}", name);
            }
        });
    }

    private record Running(LogSource source, LogFollow follow) {
    }
}
