package io.kubezen.watcher.redis;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisTlsHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A managed-Redis style server: TLS only, a client certificate required, an ACL user with a password file. */
@WithRedis
class RedisTlsIT {

    private static final DedupRequest EVENT = new DedupRequest("falco", "fp-1", Duration.ofMinutes(5));

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();

    @Test
    void storesWorkOverTlsAsTheAclUserFromItsFiles(RedisTlsHandle redis) {
        DedupStore dedup = new RedisDedupStore(connectors.open(redis), Clock.systemUTC(), DedupStore.DEFAULT_STATUS_INTERVAL);

        assertThat(dedup.record(EVENT).firstOccurrence()).isTrue();
        assertThat(dedup.record(EVENT).firstOccurrence()).isFalse();
        assertThat(redis.sync().clientList()).contains("user=zw-app");
    }

    @Test
    void aWrongPasswordIsUnavailableNamingTheServer(RedisTlsHandle redis, @TempDir Path dir) throws IOException {
        Path wrong = Files.writeString(dir.resolve("password"), "wrong\n");
        RedisConnector connector = connectors.open(redis.options().withCredentials("zw-app", wrong));

        assertThatThrownBy(() -> connector.shared().sync().ping())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1");
    }
}
