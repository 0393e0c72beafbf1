package io.kubezen.watcher.wiring;

import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisMode;
import io.kubezen.watcher.redis.RedisTlsFiles;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code zen-watcher.redis.*}, the same keys in both apps: where the Redis the ingesters and the controller
 * share is. Without a URI the ingester runs on its embedded, in-memory stores and the controller's dedup-window
 * tuner is off. Only binds: {@link RedisConnectionOptions} says what each key means and checks the files at
 * start-up.
 */
@ConfigurationProperties(RedisConnectionOptions.PREFIX)
public record RedisProperties(
        @Nullable String uri,
        @NotNull @Bindable(defaultValue = "standalone") RedisMode mode,
        @NotNull @Bindable(defaultValue = "2s") Duration commandTimeout,
        @NotBlank @Bindable(defaultValue = RedisConnectionOptions.DEFAULT_KEY_PREFIX) String keyPrefix,
        @NotNull @Bindable(defaultValue = "2s") Duration maxReconnectDelay,
        @Nullable String username,
        @Nullable Path passwordFile,
        @Nullable Tls tls,
        @Min(1) @Max(RedisConnectionOptions.MAX_QUEUE_SHARDS) @Bindable(defaultValue = "8") int queueShards,
        @Min(0) @Bindable(defaultValue = "0") int ackReplicas,
        @NotNull @Bindable(defaultValue = "1s") Duration ackTimeout) {

    public static final String URI = RedisConnectionOptions.PREFIX + ".uri";

    public RedisConnectionOptions toOptions() {
        return new RedisConnectionOptions(uri, mode, commandTimeout, keyPrefix, maxReconnectDelay, username,
                passwordFile, tls == null ? RedisTlsFiles.NONE : new RedisTlsFiles(tls.caFile, tls.certFile, tls.keyFile),
                queueShards);
    }

    /** {@code ack-replicas} and {@code ack-timeout}: how many replicas must hold an admission before the 2xx. */
    public ReplicaAcks replicaAcks() {
        return new ReplicaAcks(ackReplicas, ackTimeout);
    }

    /** {@code zen-watcher.redis.tls.*}. */
    @ConfigurationProperties("tls")
    public record Tls(@Nullable Path caFile, @Nullable Path certFile, @Nullable Path keyFile) {
    }
}
