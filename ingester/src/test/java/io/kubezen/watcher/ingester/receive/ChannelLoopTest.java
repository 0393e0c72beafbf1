package io.kubezen.watcher.ingester.receive;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelLoopTest {

    private final EventExecutor loop = new DefaultEventExecutor();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void whatFollowsAnAnswerFromAnotherThreadRunsOnTheLoop() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();

        CompletableFuture<Boolean> onLoop = ChannelLoop.continueOn(answer, loop)
                .thenApply(value -> loop.inEventLoop()).toCompletableFuture();
        Thread store = new Thread(() -> answer.complete("stored"));
        store.start();
        store.join();

        assertThat(onLoop.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailureIsPassedOnAsItIs() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("store down");

        CompletableFuture<String> moved = ChannelLoop.continueOn(answer, loop).toCompletableFuture();
        answer.completeExceptionally(failure);

        assertThat(moved).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause().isSameAs(failure);
    }

    @Test
    void anAnswerAlreadyThereIsNotHandedOver() {
        CompletableFuture<String> answer = CompletableFuture.completedFuture("from memory");

        assertThat(ChannelLoop.continueOn(answer, loop)).isSameAs(answer);
    }

    @Test
    void aStoppedLoopLeavesTheAnswerOnTheCompletingThread() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        CompletableFuture<String> answer = new CompletableFuture<>();

        CompletionStage<String> moved = ChannelLoop.continueOn(answer, loop);
        answer.complete("late");

        assertThat(moved.toCompletableFuture()).isCompletedWithValue("late");
    }
}
