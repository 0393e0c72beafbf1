package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.InformerSpec;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.pipeline.IngestPipeline;
import io.kubezen.watcher.pipeline.SourceCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Runs the informers of every informer-type source while this process leads, and only then: each term starts
 * them from scratch (the findings already emitted are in the shared {@link FindingStore}, so nothing is emitted
 * twice), and they stop when the term ends. Sources can change at any time through {@link #update}.
 */
public final class InformerDuty extends SourceDuty<InformerSource, SourceWatch> {

    private static final Logger LOG = LoggerFactory.getLogger(InformerDuty.class);

    private final WatchStarter starter;
    /** The watches of this term; null until its first reconcile and outside terms. */
    private volatile Map<String, SourceWatch> running;

    /** @param install every source watches only the namespaces of its own that this install owns */
    public InformerDuty(SourceCompiler compiler, WatchStarter starter, Install install) {
        super(SourceType.INFORMER, "informers", compiler, install);
        this.starter = starter;
    }

    @Override
    protected InformerSource source(IngesterSpec spec, IngestPipeline pipeline) throws InvalidSourceException {
        return new InformerSource(spec.source(), withinInstall(spec), pipeline, spec.expectations());
    }

    /** The spec with only the namespaces this install owns. */
    private InformerSpec withinInstall(IngesterSpec spec) throws InvalidSourceException {
        InformerSpec informer = spec.informer();
        return new InformerSpec(informer.group(), informer.version(), informer.resource(),
                ownedNamespaces(spec, "spec.informer.namespaces", informer.namespaces()), informer.labelSelector(),
                informer.fieldSelector(), informer.resyncSeconds(), informer.builtinMapping());
    }

    @Override
    protected boolean sameAs(InformerSource running, InformerSource wanted) {
        return running.sameAs(wanted);
    }

    @Override
    protected SourceWatch start(String name, InformerSource source) {
        SourceWatch watch = starter.start(source);
        LOG.info("Started informers of source {} on {}", name, source.informer().resource());
        return watch;
    }

    @Override
    protected void running(Map<String, SourceWatch> watches) {
        running = watches;
    }

    /** True once this term's informers started and every one of them listed its objects. */
    @Override
    public boolean ready() {
        Map<String, SourceWatch> watches = running;
        return watches != null && watches.values().stream().allMatch(SourceWatch::hasSynced);
    }
}
