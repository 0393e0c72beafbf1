package io.kubezen.watcher.redis;

import io.kubezen.watcher.store.StoreUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Waits for commands sent with the async API and turns Lettuce's failures into ours: anything that means
 * "Redis is not there right now" becomes a {@link StoreUnavailableException}; an error that retrying cannot
 * fix (a wrong type, a script bug) becomes an {@link IllegalStateException}. Waiting relies on the
 * command timeouts the {@link RedisConnector} configures.
 */
public final class RedisCalls {

    /** Server errors that pass once Redis has finished loading, failing over or freeing memory. */
    private static final List<String> TRANSIENT_ERRORS = List.of(
            "LOADING", "BUSY", "READONLY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM");

    private RedisCalls() {
    }

    public static <T> T await(CompletionStage<T> command, String what) {
        return awaitAll(List.of(command), what).get(0);
    }

    /** Waits for commands that were all sent before this call, so they travelled in one pipeline. */
    public static <T> List<T> awaitAll(List<? extends CompletionStage<T>> commands, String what) {
        List<T> results = new ArrayList<>(commands.size());
        for (CompletionStage<T> command : commands) {
            try {
                results.add(command.toCompletableFuture().get());
            } catch (ExecutionException e) {
                throw translate(e.getCause(), what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while waiting for Redis during " + what, e);
            }
        }
        return results;
    }

    /**
     * The command's result without waiting, its failure translated as {@link #await} would translate it. The
     * stage completes on a Lettuce I/O thread: whoever chains on it must not block there.
     */
    public static <T> CompletionStage<T> translated(CompletionStage<T> command, String what) {
        return command.exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure, what)));
    }

    static RuntimeException translate(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        if (cause instanceof RedisCommandExecutionException rejected && !isTransient(rejected)) {
            return new IllegalStateException("Redis rejected " + what + ": " + cause.getMessage(), cause);
        }
        // Lettuce fails the commands in flight on a connection that breaks (Redis killed or restarted) with the
        // socket's own IOException, not a RedisException; it means the same: Redis is not there right now.
        if (cause instanceof RedisException || cause instanceof IOException) {
            return new StoreUnavailableException("Redis unavailable during " + what + ": " + cause.getMessage(), cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(what + " failed", cause);
    }

    /** Whether {@code failure} is Redis answering an error that starts with {@code prefix}, such as {@code BUSYGROUP}. */
    public static boolean isServerError(Throwable failure, String prefix) {
        Throwable cause = unwrap(failure);
        return cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).startsWith(prefix);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Compares the whole error code, the reply's first word: BUSYGROUP is not BUSY. */
    private static boolean isTransient(RedisCommandExecutionException rejected) {
        String message = String.valueOf(rejected.getMessage());
        int space = message.indexOf(' ');
        return TRANSIENT_ERRORS.contains(space < 0 ? message : message.substring(0, space));
    }
}
