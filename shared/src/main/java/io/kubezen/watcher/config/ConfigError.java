package io.kubezen.watcher.config;

/**
 * One problem in a source's configuration.
 *
 * @param field the exact path in the Ingester resource, such as {@code spec.filter.expression}, so the same
 *              message serves an Ingester's status condition and a start-up failure of the ingester
 */
public record ConfigError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
