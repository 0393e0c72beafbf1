package io.kubezen.watcher.ingester.writer;

/**
 * One reason an object was rejected, as the API server reports it in {@code Status.details.causes}.
 *
 * @param field   path of the offending field, for example {@code spec.eventType}
 * @param type    the API server's cause type, for example {@code FieldValueInvalid}
 * @param message human-readable explanation
 */
public record FieldCause(String field, String type, String message) {
}
