package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.LogsSpec;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.controller.informer.SourceDuty;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.pipeline.IngestPipeline;
import io.kubezen.watcher.pipeline.SourceCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the pods of every logs-type source while this process leads, and only then: each term starts from
 * scratch (how far each container was read is in the shared {@link LogPositionStore}, so the new leader resumes
 * where the last one stopped), and every stream stops when the term ends. Sources change through {@link #update}.
 */
public final class LogsDuty extends SourceDuty<LogSource, LogFollow> {

    private static final Logger LOG = LoggerFactory.getLogger(LogsDuty.class);

    private final LogFollowStarter starter;

    /** @param install every source follows pods only in the namespaces of its own that this install owns */
    public LogsDuty(SourceCompiler compiler, LogFollowStarter starter, Install install) {
        super(SourceType.LOGS, "logs", compiler, install);
        this.starter = starter;
    }

    @Override
    protected LogSource source(IngesterSpec spec, IngestPipeline pipeline) throws InvalidSourceException {
        return new LogSource(spec.source(), withinInstall(spec), pipeline, spec.expectations());
    }

    private LogsSpec withinInstall(IngesterSpec spec) throws InvalidSourceException {
        LogsSpec logs = spec.logs();
        return new LogsSpec(ownedNamespaces(spec, "spec.logs.namespaces", logs.namespaces()), logs.podSelector(),
                logs.container(), logs.sinceSeconds(), logs.patterns());
    }

    @Override
    protected boolean sameAs(LogSource running, LogSource wanted) {
        return running.sameAs(wanted);
    }

    @Override
    protected LogFollow start(String name, LogSource source) {
        LogFollow follow = starter.start(source);
        LOG.info("Following the logs of source {}", name);
        return follow;
    }
}
