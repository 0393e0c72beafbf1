package io.kubezen.watcher.ingester.receive;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Finishes a request on its connection's event loop. The stores answer on the Redis client's single I/O thread; left
 * there, the metrics, the answer and its JSON are built on that thread for every request, and only the write moves
 * to the connection's loop. Moving the continuation instead costs the same one hand-over, spreads that work over the
 * server's loops and keeps the Redis thread free to read the next replies.
 */
final class ChannelLoop {

    private ChannelLoop() {
    }

    /** The event loop of the request's connection; null for a request that did not come through the Netty server. */
    static EventExecutor of(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : null;
    }

    /**
     * Completes as {@code stage} does, on {@code loop}; at once when {@code stage} is already complete or completes
     * on the loop itself, and on the completing thread when the loop no longer takes tasks (the server stopping).
     */
    static <T> CompletionStage<T> continueOn(CompletionStage<T> stage, EventExecutor loop) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (loop == null || future.isDone()) {
            return future;
        }
        CompletableFuture<T> moved = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (loop.inEventLoop()) {
                complete(moved, value, failure);
                return;
            }
            try {
                loop.execute(() -> complete(moved, value, failure));
            } catch (RejectedExecutionException e) {
                complete(moved, value, failure);
            }
        });
        return moved;
    }

    /** Completes {@code future} as a stage completed: with {@code value}, or exceptionally with {@code failure}. */
    static <T> void complete(CompletableFuture<T> future, T value, Throwable failure) {
        if (failure == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
