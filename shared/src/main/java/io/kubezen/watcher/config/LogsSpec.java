package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The container logs a logs-type source follows and the patterns that turn their lines into events. Lines that
 * no pattern matches are read and skipped.
 *
 * @param namespaces   empty or absent for every namespace
 * @param podSelector  a label selector of the pods to follow, such as {@code app=kube-bench}; absent: every pod
 * @param container    the container to follow in each pod; absent: every container
 * @param sinceSeconds how far back the very first stream of a container reaches; later streams resume after
 *                     the last line handled, whoever handled it. Absent: {@link #DEFAULT_SINCE_SECONDS}
 * @param patterns     tried in order; the first that matches a line makes it an event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogsSpec(
        List<String> namespaces,
        String podSelector,
        String container,
        Long sinceSeconds,
        List<LogPatternSpec> patterns) {

    public static final long DEFAULT_SINCE_SECONDS = 0;

    public LogsSpec {
        namespaces = namespaces == null ? null : List.copyOf(namespaces);
        patterns = patterns == null ? null : List.copyOf(patterns);
    }
}
