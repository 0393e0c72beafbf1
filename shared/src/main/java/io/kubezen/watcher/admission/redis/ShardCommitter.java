package io.kubezen.watcher.admission.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Group commit for one queue shard: while a script call to the shard is in flight, the requests' parts that arrive
 * for it wait, and go together in the next call as soon as it answers. An idle shard sends at once, so this adds no
 * latency; a busy one pays Redis's per-call cost (the call itself, its arguments, the stream's length, the AOF's
 * transaction around the script's writes) once per group instead of once per request. Each part gets its own
 * answers. See {@code DESIGN.md} in the {@code admission} package.
 */
final class ShardCommitter {

    /**
     * A group stops growing at this many events (a larger part still goes, alone): a script call blocks Redis for
     * everyone while it runs, and beyond a few hundred events a group saves nothing more per event.
     */
    static final int MAX_EVENTS_PER_CALL = 500;

    /** One request's events for this shard, as admit.lua takes them after the arguments every call starts with. */
    record Part(int events, List<String> recordKeys, List<Object> args) {
    }

    private record Waiting(Part part, CompletableFuture<List<Object>> answer) {
    }

    private final String stream;
    private final List<String> callArgs;
    private final BiFunction<String[], List<Object>, CompletionStage<List<Object>>> script;
    private final Object lock = new Object();
    private final List<Waiting> waiting = new ArrayList<>();
    private boolean calling;

    /**
     * @param callArgs the arguments every call starts with, before its parts'
     * @param script   sends admit.lua with these keys and arguments; the reply has one answer per event, in order
     */
    ShardCommitter(String stream, List<String> callArgs,
                   BiFunction<String[], List<Object>, CompletionStage<List<Object>>> script) {
        this.stream = stream;
        this.callArgs = List.copyOf(callArgs);
        this.script = script;
    }

    /** Completes with admit.lua's answers for this part's events, or fails as the call that carried it failed. */
    CompletionStage<List<Object>> submit(Part part) {
        Waiting entry = new Waiting(part, new CompletableFuture<>());
        synchronized (lock) {
            waiting.add(entry);
            if (calling) {
                return entry.answer();
            }
            calling = true;
        }
        callWaiting();
        return entry.answer();
    }

    /** Takes the waiting parts that go in the next call, in arrival order; under {@link #lock}. */
    private List<Waiting> next() {
        int events = 0;
        int taken = 0;
        while (taken < waiting.size()
                && (taken == 0 || events + waiting.get(taken).part().events() <= MAX_EVENTS_PER_CALL)) {
            events += waiting.get(taken++).part().events();
        }
        List<Waiting> group = new ArrayList<>(waiting.subList(0, taken));
        waiting.subList(0, taken).clear();
        return group;
    }

    private void callWaiting() {
        List<Waiting> group;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                calling = false;
                return;
            }
            group = next();
        }
        List<String> keys = new ArrayList<>();
        keys.add(stream);
        List<Object> args = new ArrayList<>();
        args.addAll(callArgs);
        for (Waiting entry : group) {
            keys.addAll(entry.part().recordKeys());
            args.addAll(entry.part().args());
        }
        CompletionStage<List<Object>> call;
        try {
            call = script.apply(keys.toArray(String[]::new), args);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((answers, failure) -> {
            // The next group goes out before this one's callers run on, so their work does not delay it.
            callWaiting();
            int from = 0;
            for (Waiting entry : group) {
                int to = from + entry.part().events();
                if (failure != null) {
                    entry.answer().completeExceptionally(failure);
                } else if (to <= answers.size()) {
                    entry.answer().complete(answers.subList(from, to));
                } else {
                    entry.answer().completeExceptionally(new IllegalStateException(
                            "admit.lua answered " + answers.size() + " events of " + to + " or more"));
                }
                from = to;
            }
        });
    }
}
