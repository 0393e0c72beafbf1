package io.kubezen.watcher.admission.redis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitterTest {

    private static final String S0 = "zw:{s0}:observations";
    private static final String S1 = "zw:{s1}:observations";
    private static final String U0 = "zw:{s0}:statuses";
    private static final String U1 = "zw:{s1}:statuses";

    /** Records each script call and lets the test answer it. */
    private final List<Call> calls = new ArrayList<>();
    private final GroupCommitter committer = new GroupCommitter(List.of("100"), (keys, args) -> {
        Call call = new Call(List.of(keys), args, new CompletableFuture<>());
        calls.add(call);
        return call.reply();
    });

    private record Call(List<String> keys, List<Object> args, CompletableFuture<List<Object>> reply) {
    }

    @Test
    void anIdleCommitterSendsARequestAtOnce() {
        CompletableFuture<List<Object>> answer = submit(part(S0, "a"));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.keys()).containsExactly(S0, U0, "record-a");
            assertThat(call.args()).containsExactly("100", "1", "arg-a");
        });
        calls.get(0).reply().complete(List.of("answer-a"));
        assertThat(answer).isCompletedWithValue(List.of("answer-a"));
    }

    /** On a single master one committer serves every shard: a request's parts go in one call, each stream once. */
    @Test
    void aRequestsPartsForSeveralShardsGoInOneCallAndGetTheirOwnAnswers() {
        List<CompletableFuture<List<Object>>> answers = committer.submit(List.of(part(S0, "a"), part(S1, "b")));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.keys()).containsExactly(S0, U0, "record-a", S1, U1, "record-b");
            assertThat(call.args()).containsExactly("100", "1", "arg-a", "1", "arg-b");
        });
        calls.get(0).reply().complete(List.of("answer-a", "answer-b"));
        assertThat(answers.get(0)).isCompletedWithValue(List.of("answer-a"));
        assertThat(answers.get(1)).isCompletedWithValue(List.of("answer-b"));
    }

    @Test
    void requestsArrivingWhileACallIsInFlightGoTogetherInTheNextCallEachStreamOnce() {
        CompletableFuture<List<Object>> busy = callInFlight();
        CompletableFuture<List<Object>> a = submit(part(S1, "a"));
        CompletableFuture<List<Object>> b = submit(part(S0, "b"));
        CompletableFuture<List<Object>> c = submit(part(S1, "c", 2));

        assertThat(calls).hasSize(1);
        calls.get(0).reply().complete(List.of("answer-busy"));

        assertThat(busy).isCompletedWithValue(List.of("answer-busy"));
        Call next = calls.get(1);
        assertThat(next.keys()).as("a stream's parts together, in arrival order")
                .containsExactly(S1, U1, "record-a", "record-c", S0, U0, "record-b");
        assertThat(next.args()).containsExactly("100", "2", "arg-a", "arg-c", "1", "arg-b");
        assertThat(a).isNotDone();
        next.reply().complete(List.of("answer-a", "answer-c", "answer-c", "answer-b"));
        assertThat(a).isCompletedWithValue(List.of("answer-a"));
        assertThat(b).isCompletedWithValue(List.of("answer-b"));
        assertThat(c).isCompletedWithValue(List.of("answer-c", "answer-c"));
    }

    @Test
    void anAnsweredCallLeavesTheCommitterIdleWhenNothingWaits() {
        callInFlight();
        calls.get(0).reply().complete(List.of("answer-busy"));

        submit(part(S0, "d"));

        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).keys()).containsExactly(S0, U0, "record-d");
    }

    @Test
    void aFailedCallFailsEveryRequestItCarriedAndTheNextGroupStillGoes() {
        List<CompletableFuture<List<Object>>> group = bAndCInFlightTogether();
        CompletableFuture<List<Object>> d = submit(part(S0, "d"));

        Call carrying = calls.get(1);
        carrying.reply().completeExceptionally(new IllegalStateException("connection lost"));

        assertThat(group).allSatisfy(answer -> assertThat(answer).isCompletedExceptionally());
        assertThat(calls).hasSize(3);
        Call after = calls.get(2);
        assertThat(after.keys()).containsExactly(S0, U0, "record-d");
        after.reply().complete(List.of("answer-d"));
        assertThat(d).isCompletedWithValue(List.of("answer-d"));
    }

    @Test
    void aScriptThatCannotBeSentFailsItsRequestAndLeavesTheCommitterIdle() {
        GroupCommitter failing = new GroupCommitter(List.of("100"), (keys, args) -> {
            throw new IllegalStateException("not connected");
        });

        assertThat(failing.submit(List.of(part(S0, "a"))).get(0)).isCompletedExceptionally();
        assertThat(failing.submit(List.of(part(S0, "b"))).get(0)).isCompletedExceptionally();
    }

    @Test
    void aReplyWithTooFewAnswersFailsTheRequestsLeftWithoutOne() {
        List<CompletableFuture<List<Object>>> group = bAndCInFlightTogether();

        calls.get(1).reply().complete(List.of("answer-b"));

        assertThat(group.get(0)).isCompletedWithValue(List.of("answer-b"));
        assertThat(group.get(1)).isCompletedExceptionally();
    }

    @Test
    void aGroupStopsGrowingAtTheEventLimitAndTheRestGoesInTheCallAfter() {
        callInFlight();
        CompletableFuture<List<Object>> big = submit(part(S0, "big", GroupCommitter.MAX_EVENTS_PER_CALL - 1));
        CompletableFuture<List<Object>> b = submit(part(S1, "b"));
        CompletableFuture<List<Object>> c = submit(part(S0, "c"));
        CompletableFuture<List<Object>> huge = submit(part(S0, "huge", GroupCommitter.MAX_EVENTS_PER_CALL + 1));

        calls.get(0).reply().complete(List.of("answer-busy"));
        assertThat(calls.get(1).keys()).containsExactly(S0, U0, "record-big", S1, U1, "record-b");
        List<Object> bigAndB = new ArrayList<>(answers("big", GroupCommitter.MAX_EVENTS_PER_CALL - 1));
        bigAndB.add("answer-b");
        calls.get(1).reply().complete(bigAndB);
        assertThat(calls.get(2).keys()).containsExactly(S0, U0, "record-c");
        calls.get(2).reply().complete(List.of("answer-c"));
        assertThat(calls.get(3).keys()).as("too big for any group: alone").containsExactly(S0, U0, "record-huge");
        calls.get(3).reply().complete(answers("huge", GroupCommitter.MAX_EVENTS_PER_CALL + 1));

        assertThat(big).as("one answer per event, in order")
                .isCompletedWithValue(answers("big", GroupCommitter.MAX_EVENTS_PER_CALL - 1));
        assertThat(b).isCompletedWithValue(List.of("answer-b"));
        assertThat(c).isCompletedWithValue(List.of("answer-c"));
        assertThat(huge).isCompletedWithValue(answers("huge", GroupCommitter.MAX_EVENTS_PER_CALL + 1));
    }

    /** Sends a one-event request, which goes at once; what arrives after it waits for its answer. */
    private CompletableFuture<List<Object>> callInFlight() {
        CompletableFuture<List<Object>> busy = submit(part(S0, "busy"));
        assertThat(calls).hasSize(1);
        return busy;
    }

    /** Sends a call, lets b and c wait for it, answers it: b and c are then in flight together in the next call. */
    private List<CompletableFuture<List<Object>>> bAndCInFlightTogether() {
        callInFlight();
        List<CompletableFuture<List<Object>>> group = List.of(submit(part(S0, "b")), submit(part(S0, "c")));
        calls.get(0).reply().complete(List.of("answer-busy"));
        assertThat(calls).hasSize(2);
        return group;
    }

    private CompletableFuture<List<Object>> submit(GroupCommitter.Part part) {
        return committer.submit(List.of(part)).get(0);
    }

    private static List<Object> answers(String name, int events) {
        return Collections.nCopies(events, "answer-" + name);
    }

    private static GroupCommitter.Part part(String stream, String name) {
        return part(stream, name, 1);
    }

    private static GroupCommitter.Part part(String stream, String name, int events) {
        return new GroupCommitter.Part(stream, stream.replace("observations", "statuses"), events, List.of("record-" + name), List.of("arg-" + name));
    }
}
