package io.kubezen.watcher.controller.projection;

import java.util.Optional;

/** Reads one key of a Kubernetes Secret; only the controller does, ingesters never see a Secret. */
public interface SecretReader {

    /**
     * @return the value as UTF-8 text, or empty when the Secret or its key does not exist
     * @throws SecretForbiddenException when the controller is not allowed to read it
     * @throws RuntimeException when the API cannot answer now; the caller retries later
     */
    Optional<String> read(String namespace, String name, String key);
}
