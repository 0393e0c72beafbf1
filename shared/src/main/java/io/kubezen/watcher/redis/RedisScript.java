package io.kubezen.watcher.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script sent by its SHA-1 (EVALSHA), so the hot path does not ship the body with every call. A
 * server that does not know it yet (restarted, failed over, another cluster node) answers NOSCRIPT, and only
 * then is the body sent with EVAL, which also caches it there. A NOSCRIPT call did not run, so resending it
 * cannot apply it twice.
 */
public final class RedisScript {

    private final String body;
    private final String sha;

    private RedisScript(String body) {
        this.body = body;
        this.sha = sha1Hex(body);
    }

    /**
     * The script in the resource {@code name} beside {@code owner}'s class file, for example
     * {@code token-bucket.lua} in the rate limiter's package: a script long enough to need comments reads
     * best as a file of its own.
     */
    public static RedisScript resource(Class<?> owner, String name) {
        return new RedisScript(text(owner, name));
    }

    /**
     * {@link #resource(Class, String)} with the resource {@code library} beside {@code libraryOwner} put before it:
     * a Redis script cannot load another, so Lua functions that two scripts call live in one file joined into both.
     */
    public static RedisScript resource(Class<?> owner, String name, Class<?> libraryOwner, String library) {
        return new RedisScript(text(libraryOwner, library) + text(owner, name));
    }

    /**
     * Loads the script into the server's script cache (SCRIPT LOAD) and returns the SHA-1 that EVALSHA names it by,
     * for tools that time the script by itself, such as {@code redis-benchmark}.
     */
    public String load(RedisScriptingCommands<String, String> redis) {
        return redis.scriptLoad(body);
    }

    /** Sends the script without waiting; callers collect several results with {@link RedisCalls#awaitAll}. */
    public <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType output,
                                      String[] keys, String... args) {
        return redis.<T>evalsha(sha, output, keys, args).exceptionallyCompose(failure ->
                RedisCalls.unwrap(failure) instanceof RedisNoScriptException
                        ? redis.<T>eval(body, output, keys, args)
                        : CompletableFuture.failedFuture(failure));
    }

    /**
     * {@link #run} for a script that answers an array, with arguments that are text or bytes already encoded
     * as UTF-8, so that a large value is not made into a String only for the client to encode it again.
     */
    public CompletionStage<List<Object>> runWithBytes(RedisClusterAsyncCommands<String, String> redis, String[] keys,
                                                      List<?> args) {
        return dispatch(redis, CommandType.EVALSHA, sha, keys, args).exceptionallyCompose(failure ->
                RedisCalls.unwrap(failure) instanceof RedisNoScriptException
                        ? dispatch(redis, CommandType.EVAL, body, keys, args)
                        : CompletableFuture.failedFuture(failure));
    }

    private static CompletionStage<List<Object>> dispatch(RedisClusterAsyncCommands<String, String> redis, CommandType type,
                                                         String script, String[] keys, List<?> args) {
        CommandArgs<String, String> command = new CommandArgs<>(StringCodec.UTF8).add(script).add(keys.length)
                .addKeys(keys);
        for (Object arg : args) {
            if (arg instanceof byte[] bytes) {
                command.add(bytes);
            } else {
                command.add(String.valueOf(arg));
            }
        }
        return redis.dispatch(type, new NestedMultiOutput<>(StringCodec.UTF8), command);
    }

    private static String text(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-1", e);
        }
    }
}
