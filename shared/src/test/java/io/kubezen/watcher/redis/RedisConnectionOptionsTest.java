package io.kubezen.watcher.redis;

import io.lettuce.core.metrics.CommandLatencyCollector;
import io.lettuce.core.metrics.DefaultCommandLatencyCollector;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisConnectionOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one seed                | redis://10.0.0.1:7000                     | redis://10.0.0.1:7000
            seeds                   | redis://a:7000,b:7001                     | redis://a:7000;redis://b:7001
            seeds with spaces       | redis://a:7000, b:7001                    | redis://a:7000;redis://b:7001
            credentials and db      | rediss://user:pw@a:7000,b:7001/0?timeout=5s | rediss://user:pw@a:7000/0?timeout=5s;rediss://user:pw@b:7001/0?timeout=5s
            """)
    void clusterSeedsAreSplitKeepingSchemeCredentialsAndTail(String name, String uri, String expected) {
        assertThat(RedisConnector.seeds(uri)).containsExactly(expected.split(";"));
    }

    @Test
    void aClusterClientGetsOneUriPerSeedWithTheCommandTimeout() {
        RedisConnectionOptions options = RedisConnectionOptions.of("redis://a:7000,b:7001").withMode(RedisMode.CLUSTER);

        assertThat(RedisConnector.uris(options)).extracting(uri -> uri.getHost() + ":" + uri.getPort() + " " + uri.getTimeout())
                .containsExactly("a:7000 PT2S", "b:7001 PT2S");
    }

    @Test
    void commandsAreNotTimedByLettuce() {
        // What would switch Lettuce's recorder on by default: LatencyUtils and HdrHistogram, from Micrometer.
        assertThat(DefaultCommandLatencyCollector.isAvailable()).isTrue();
        ClientResources resources = RedisConnector.clientResources(RedisConnectionOptions.of("redis://a:7000"));
        try {
            assertThat(resources.commandLatencyRecorder().isEnabled()).isFalse();
            assertThat(resources.commandLatencyRecorder()).isNotInstanceOf(CommandLatencyCollector.class);
        } finally {
            resources.shutdown();
        }
    }

    @Test
    void aStandaloneUriWithCommasIsNotSplit() {
        RedisConnectionOptions options = RedisConnectionOptions.of("redis-sentinel://s1:26379,s2:26379#mymaster");

        assertThat(RedisConnector.uris(options)).singleElement()
                .satisfies(uri -> assertThat(uri.getSentinels()).hasSize(2));
    }

    @Test
    void aMissingSecretFileNamesItsKey() {
        assertThatThrownBy(() -> RedisConnectionOptions.of("rediss://redis:6380")
                .withCredentials("app", Path.of("/nonexistent/password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zen-watcher.redis.password-file")
                .hasMessageContaining("/nonexistent/password");
        assertThatThrownBy(() -> RedisConnectionOptions.of("rediss://redis:6380")
                .withTls(new RedisTlsFiles(Path.of("/nonexistent/ca.crt"), null, null)))
                .hasMessageContaining("zen-watcher.redis.tls.ca-file");
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        assertThatThrownBy(() -> new RedisTlsFiles(null, Path.of("client.crt"), null))
                .hasMessageContaining("zen-watcher.redis.tls.cert-file and zen-watcher.redis.tls.key-file");
    }

    @Test
    void sentinelIsNotACluster() {
        assertThatThrownBy(() -> RedisConnectionOptions.of("redis-sentinel://s1:26379#m").withMode(RedisMode.CLUSTER))
                .hasMessageContaining("zen-watcher.redis.mode");
    }
}
