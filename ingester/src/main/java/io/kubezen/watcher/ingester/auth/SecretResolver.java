package io.kubezen.watcher.ingester.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads the value behind a {@link SecretRef} once, when a source's authenticator is built. Rotating a
 * file-mounted secret therefore takes effect when the source's configuration is reloaded.
 */
public final class SecretResolver {

    private final Function<String, String> environment;

    /** @param environment looks up an environment variable, {@code System::getenv} in the application */
    public SecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param key the configuration key of the reference, named in the error when it cannot be read
     * @throws IllegalArgumentException naming the key when the value is missing, unreadable or empty
     */
    public String resolve(SecretRef ref, String key) {
        String value = switch (ref.kind()) {
            case ENV -> {
                String v = environment.apply(ref.location());
                if (v == null) {
                    throw new IllegalArgumentException(key + ": environment variable " + ref.location() + " is not set");
                }
                yield v;
            }
            case FILE -> readFile(ref.location(), key);
            case INLINE -> ref.location();
        };
        // Secret files are often written with a trailing newline (echo, kubectl create --from-file).
        String trimmed = value.replaceAll("[\\r\\n]+$", "");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(key + ": the secret behind " + ref + " is empty");
        }
        return trimmed;
    }

    private static String readFile(String path, String key) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot read secret file " + path + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
