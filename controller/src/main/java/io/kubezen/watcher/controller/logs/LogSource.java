package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.config.LogsSpec;
import io.kubezen.watcher.pipeline.IngestPipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One logs-type source as the controller runs it: which containers to follow and the pipeline their lines go through.
 *
 * @param expectations the spec's, for the silent-source alert; null when it sets none
 */
public record LogSource(String name, LogsSpec logs, IngestPipeline pipeline, ExpectationsSpec expectations) {

    /** The namespaces to follow pods in; empty means every namespace. */
    public List<String> namespaces() {
        return logs.namespaces() == null ? List.of() : logs.namespaces();
    }

    /** Whether the source follows this container of its pods. */
    public boolean follows(String container) {
        return logs.container() == null || logs.container().equals(container);
    }

    /** How far back a container's first stream reaches when it was running before this leader saw it. */
    public Duration since() {
        return Duration.ofSeconds(logs.sinceSeconds() == null ? LogsSpec.DEFAULT_SINCE_SECONDS : logs.sinceSeconds());
    }

    /** Same configuration, which is how an update sees what changed. */
    boolean sameAs(LogSource other) {
        return other != null && name.equals(other.name) && pipeline.definition().equals(other.pipeline.definition())
                && Objects.equals(expectations, other.expectations);
    }
}
