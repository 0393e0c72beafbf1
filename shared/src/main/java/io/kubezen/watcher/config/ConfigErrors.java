package io.kubezen.watcher.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one source definition while it is compiled, so an operator sees all of them
 * at once instead of fixing one per round trip.
 */
public final class ConfigErrors {

    private final List<ConfigError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new ConfigError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ConfigError> list() {
        return List.copyOf(errors);
    }
}
