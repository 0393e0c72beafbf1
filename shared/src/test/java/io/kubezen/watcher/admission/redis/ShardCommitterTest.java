package io.kubezen.watcher.admission.redis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class ShardCommitterTest {

    /** Records each script call and lets the test answer it. */
    private final List<Call> calls = new ArrayList<>();
    private final ShardCommitter committer = new ShardCommitter("zw:{s0}:observations", List.of("100"),
            (keys, args) -> {
                Call call = new Call(List.of(keys), args, new CompletableFuture<>());
                calls.add(call);
                return call.reply();
            });

    private record Call(List<String> keys, List<Object> args, CompletableFuture<List<Object>> reply) {
    }

    @Test
    void anIdleShardSendsARequestAtOnce() {
        CompletionStage<List<Object>> answer = committer.submit(part("a"));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.keys()).containsExactly("zw:{s0}:observations", "record-a");
            assertThat(call.args()).containsExactly("100", "arg-a");
        });
        calls.get(0).reply().complete(List.of("answer-a"));
        assertThat(answer.toCompletableFuture()).isCompletedWithValue(List.of("answer-a"));
    }

    @Test
    void requestsArrivingWhileACallIsInFlightGoTogetherInTheNextCallAndGetTheirOwnAnswers() {
        CompletionStage<List<Object>> a = committer.submit(part("a"));
        CompletionStage<List<Object>> b = committer.submit(part("b"));
        CompletionStage<List<Object>> c = committer.submit(part("c"));

        assertThat(calls).hasSize(1);
        calls.get(0).reply().complete(List.of("answer-a"));

        assertThat(a.toCompletableFuture()).isCompletedWithValue(List.of("answer-a"));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).keys()).containsExactly("zw:{s0}:observations", "record-b", "record-c");
        assertThat(calls.get(1).args()).containsExactly("100", "arg-b", "arg-c");
        assertThat(b.toCompletableFuture()).isNotDone();
        calls.get(1).reply().complete(List.of("answer-b", "answer-c"));
        assertThat(b.toCompletableFuture()).isCompletedWithValue(List.of("answer-b"));
        assertThat(c.toCompletableFuture()).isCompletedWithValue(List.of("answer-c"));

        committer.submit(part("d"));
        assertThat(calls).as("idle again: sent at once").hasSize(3);
    }

    @Test
    void aFailedCallFailsEveryRequestItCarriedAndTheNextGroupStillGoes() {
        List<CompletionStage<List<Object>>> group = bAndCInFlightTogether();
        CompletionStage<List<Object>> d = committer.submit(part("d"));

        IllegalStateException broken = new IllegalStateException("connection lost");
        calls.get(1).reply().completeExceptionally(broken);

        assertThat(group).allSatisfy(answer -> assertThat(answer.toCompletableFuture()).isCompletedExceptionally());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).keys()).containsExactly("zw:{s0}:observations", "record-d");
        calls.get(2).reply().complete(List.of("answer-d"));
        assertThat(d.toCompletableFuture()).isCompletedWithValue(List.of("answer-d"));
    }

    @Test
    void aScriptThatCannotBeSentFailsItsRequestAndLeavesTheShardIdle() {
        ShardCommitter failing = new ShardCommitter("zw:{s0}:observations", List.of("100"), (keys, args) -> {
            throw new IllegalStateException("not connected");
        });

        assertThat(failing.submit(part("a")).toCompletableFuture()).isCompletedExceptionally();
        assertThat(failing.submit(part("b")).toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void aReplyWithTooFewAnswersFailsTheRequestsLeftWithoutOne() {
        List<CompletionStage<List<Object>>> group = bAndCInFlightTogether();

        calls.get(1).reply().complete(List.of("answer-b"));

        assertThat(group.get(0).toCompletableFuture()).isCompletedWithValue(List.of("answer-b"));
        assertThat(group.get(1).toCompletableFuture()).isCompletedExceptionally();
    }

    /** Sends a, lets b and c wait for it, answers a: b and c are then in flight in the second call. */
    private List<CompletionStage<List<Object>>> bAndCInFlightTogether() {
        committer.submit(part("a"));
        List<CompletionStage<List<Object>>> group = List.of(committer.submit(part("b")), committer.submit(part("c")));
        calls.get(0).reply().complete(List.of("answer-a"));
        assertThat(calls).hasSize(2);
        return group;
    }

    @Test
    void aGroupStopsGrowingAtTheEventLimitAndTheRestGoesInTheCallAfter() {
        committer.submit(part("a"));
        CompletionStage<List<Object>> big = committer.submit(part("big", ShardCommitter.MAX_EVENTS_PER_CALL - 1));
        CompletionStage<List<Object>> b = committer.submit(part("b"));
        CompletionStage<List<Object>> c = committer.submit(part("c"));
        CompletionStage<List<Object>> huge = committer.submit(part("huge", ShardCommitter.MAX_EVENTS_PER_CALL + 1));

        calls.get(0).reply().complete(List.of("answer-a"));
        assertThat(calls.get(1).keys()).containsExactly("zw:{s0}:observations", "record-big", "record-b");
        List<Object> bigAndB = new ArrayList<>(answers("big", ShardCommitter.MAX_EVENTS_PER_CALL - 1));
        bigAndB.add("answer-b");
        calls.get(1).reply().complete(bigAndB);
        assertThat(calls.get(2).keys()).containsExactly("zw:{s0}:observations", "record-c");
        calls.get(2).reply().complete(List.of("answer-c"));
        assertThat(calls.get(3).keys()).as("too big for any group: alone").containsExactly("zw:{s0}:observations",
                "record-huge");
        calls.get(3).reply().complete(answers("huge", ShardCommitter.MAX_EVENTS_PER_CALL + 1));

        assertThat(big.toCompletableFuture()).as("one answer per event, in order")
                .isCompletedWithValue(answers("big", ShardCommitter.MAX_EVENTS_PER_CALL - 1));
        assertThat(b.toCompletableFuture()).isCompletedWithValue(List.of("answer-b"));
        assertThat(c.toCompletableFuture()).isCompletedWithValue(List.of("answer-c"));
        assertThat(huge.toCompletableFuture())
                .isCompletedWithValue(answers("huge", ShardCommitter.MAX_EVENTS_PER_CALL + 1));
    }

    private static List<Object> answers(String name, int events) {
        return Collections.nCopies(events, "answer-" + name);
    }

    private static ShardCommitter.Part part(String name) {
        return part(name, 1);
    }

    private static ShardCommitter.Part part(String name, int events) {
        return new ShardCommitter.Part(events, List.of("record-" + name), List.of("arg-" + name));
    }
}
