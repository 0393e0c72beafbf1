package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;

import java.util.List;

/**
 * What became of one Ingester's spec: the projected form, or why there is none.
 *
 * @param spec      the spec to project, with verifiers in place of Secret references; null when invalid
 * @param reason    the Ready condition's reason when invalid
 * @param errors    every problem, each naming its field
 * @param retryable whether waiting may fix it without a change to the Ingester (a Secret created later)
 */
record ProjectionResult(IngesterSpec spec, String reason, List<ConfigError> errors,
                        boolean retryable) {

    static final String REASON_SECRET_UNAVAILABLE = "SecretUnavailable";

    ProjectionResult {
        errors = List.copyOf(errors);
    }

    static ProjectionResult valid(IngesterSpec spec) {
        return new ProjectionResult(spec, null, List.of(), false);
    }

    static ProjectionResult invalid(String reason, List<ConfigError> errors, boolean retryable) {
        return new ProjectionResult(null, reason, errors, retryable);
    }

    boolean isValid() {
        return spec != null;
    }

    /** The condition message: every error as {@code field: message}, so the first names what to fix. */
    String message() {
        return String.join("; ", errors.stream().map(ConfigError::toString).toList());
    }
}
