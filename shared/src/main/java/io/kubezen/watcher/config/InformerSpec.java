package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The resources an informer-type source watches, named by group, version and plural resource so that a
 * new tool needs configuration, not code.
 *
 * @param group          API group; empty or absent for the core group
 * @param namespaces     empty or absent for all namespaces
 * @param resyncSeconds  0 or absent: no periodic resync, only changes are seen
 * @param builtinMapping name of a mapping that ships with Zen Watcher (for example {@code trivy-vulnerability});
 *                       absent: the Ingester's {@code mapping} is applied to each object
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InformerSpec(
        String group,
        String version,
        String resource,
        List<String> namespaces,
        String labelSelector,
        String fieldSelector,
        Long resyncSeconds,
        String builtinMapping) {

    public static final long DEFAULT_RESYNC_SECONDS = 0;

    public InformerSpec {
        namespaces = namespaces == null ? null : List.copyOf(namespaces);
    }
}
