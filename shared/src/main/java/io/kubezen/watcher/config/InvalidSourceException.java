package io.kubezen.watcher.config;

import java.util.List;
import java.util.stream.Collectors;

/** A source definition that cannot be compiled; the message lists every error with its field path. */
public final class InvalidSourceException extends Exception {

    private final transient List<ConfigError> errors;

    public InvalidSourceException(String source, List<ConfigError> errors) {
        super("source '" + source + "' is invalid: "
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
