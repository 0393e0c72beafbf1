package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.StoreUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.SocketException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RedisCallsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("timeout", new RedisCommandTimeoutException("Command timed out"), StoreUnavailableException.class),
                arguments("refused", new RedisConnectionException("Connection refused"), StoreUnavailableException.class),
                arguments("connection reset", new SocketException("Connection reset"), StoreUnavailableException.class),
                arguments("disconnected", new RedisException("Currently not connected"), StoreUnavailableException.class),
                arguments("loading", new RedisCommandExecutionException("LOADING Redis is loading"), StoreUnavailableException.class),
                arguments("out of memory", new RedisCommandExecutionException("OOM command not allowed"), StoreUnavailableException.class),
                arguments("replica", new RedisCommandExecutionException("READONLY You can't write"), StoreUnavailableException.class),
                arguments("wrong type", new RedisCommandExecutionException("WRONGTYPE Operation"), IllegalStateException.class),
                arguments("group exists", new RedisCommandExecutionException("BUSYGROUP Consumer Group"), IllegalStateException.class),
                arguments("no group", new RedisCommandExecutionException("NOGROUP No such key"), IllegalStateException.class),
                arguments("bug", new IllegalArgumentException("ours"), IllegalArgumentException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresBecomeUnavailableOnlyWhenRetryingCanHelp(String name, Exception failure, Class<?> expected) {
        CompletableFuture<String> command = CompletableFuture.failedFuture(new CompletionException(failure));

        assertThatThrownBy(() -> RedisCalls.await(command, "test")).isInstanceOf(expected);
    }
}
