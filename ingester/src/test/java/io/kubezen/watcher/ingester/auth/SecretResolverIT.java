package io.kubezen.watcher.ingester.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretResolverIT {

    private static final String KEY = "webhook.auth.hmac.secretRef";
    private final SecretResolver resolver = new SecretResolver(Map.<String, String>of()::get);

    @Test
    void readsAMountedSecretFileWithoutTheTrailingNewline(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "s3cret\r\n");

        assertThat(resolver.resolve(SecretRef.file(file.toString()), KEY)).isEqualTo("s3cret");
    }

    @Test
    void aMissingFileNamesTheKeyAndPath(@TempDir Path dir) {
        String path = dir.resolve("absent").toString();

        assertThatThrownBy(() -> resolver.resolve(SecretRef.file(path), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(KEY + ": cannot read secret file " + path);
    }
}
