package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.config.InformerSpec;
import io.kubezen.watcher.pipeline.IngestPipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One informer-type source as the controller runs it: what to watch and the compiled pipeline its objects go through.
 *
 * @param expectations the spec's, for the silent-source alert; null when it sets none
 */
public record InformerSource(String name, InformerSpec informer, IngestPipeline pipeline, ExpectationsSpec expectations) {

    /** The namespaces to watch; empty means every namespace. */
    public List<String> namespaces() {
        return informer.namespaces() == null ? List.of() : informer.namespaces();
    }

    /** Zero when resync is off, the default: only changes are seen. */
    public Duration resync() {
        return Duration.ofSeconds(informer.resyncSeconds() == null ? InformerSpec.DEFAULT_RESYNC_SECONDS
                : informer.resyncSeconds());
    }

    /** Same configuration (name, watch, source definition, expectations), which is how an update sees what changed. */
    boolean sameAs(InformerSource other) {
        return other != null && name.equals(other.name) && informer.equals(other.informer)
                && pipeline.definition().equals(other.pipeline.definition())
                && Objects.equals(expectations, other.expectations);
    }
}
