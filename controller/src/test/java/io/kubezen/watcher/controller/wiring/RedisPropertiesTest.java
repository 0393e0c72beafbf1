package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisMode;
import io.kubezen.watcher.redis.RedisTlsFiles;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisPropertiesTest {

    @Test
    void everyConnectionKeyBindsIncludingTheNestedTlsFiles(@TempDir Path dir) throws IOException {
        Path password = Files.writeString(dir.resolve("password"), "secret\n");
        Path ca = Files.writeString(dir.resolve("ca.crt"), "");
        Path cert = Files.writeString(dir.resolve("tls.crt"), "");
        Path key = Files.writeString(dir.resolve("tls.key"), "");
        RedisProperties properties = bind(Map.of(
                "zen-watcher.redis.uri", "rediss://a:6379,b:6379",
                "zen-watcher.redis.mode", "cluster",
                "zen-watcher.redis.username", "zen",
                "zen-watcher.redis.password-file", password.toString(),
                "zen-watcher.redis.tls.ca-file", ca.toString(),
                "zen-watcher.redis.tls.cert-file", cert.toString(),
                "zen-watcher.redis.tls.key-file", key.toString()));

        RedisConnectionOptions options = properties.toOptions();
        assertThat(options.mode()).isEqualTo(RedisMode.CLUSTER);
        assertThat(options.username()).isEqualTo("zen");
        assertThat(options.passwordFile()).isEqualTo(password);
        assertThat(options.tls()).isEqualTo(new RedisTlsFiles(ca, cert, key));
    }

    @Test
    void absentKeysAreAStandaloneConnectionWithoutSecrets() {
        RedisProperties properties = bind(Map.of("zen-watcher.redis.uri", "redis://redis:6379"));

        assertThat(properties.toOptions().mode()).isEqualTo(RedisMode.STANDALONE);
        assertThat(properties.toOptions().passwordFile()).isNull();
        assertThat(properties.toOptions().tls().isEmpty()).isTrue();
    }

    @Test
    void anUnreadableSecretFileFailsTheStartNamingItsKey() {
        assertThatThrownBy(() -> bind(Map.of("zen-watcher.redis.uri", "redis://redis:6379",
                "zen-watcher.redis.password-file", "/nonexistent/password")))
                .hasStackTraceContaining("zen-watcher.redis.password-file names /nonexistent/password");
    }

    private static RedisProperties bind(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return context.getBean(RedisProperties.class);
        }
    }
}
