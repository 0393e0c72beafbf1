package io.kubezen.watcher.admission.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Group commit of admission script calls: while a call is in flight, the requests' parts that arrive wait, and go
 * together in the next call as soon as it answers. One committer serves the shards that one script call may touch:
 * every shard on standalone and Sentinel, where one master holds them all, so a call carries the waiting parts of
 * every shard; a single shard on Redis Cluster, whose scripts may only touch keys of one slot. An idle committer sends
 * at once, so this adds no latency; a busy one pays Redis's per-call cost (the call itself, its arguments, the AOF's
 * transaction around the script's writes, an event-loop wake-up) once per group instead of once per request. Each
 * part gets its own answers.
 * <p>
 * One call in flight, not two: a second would cover the round trip during which Redis waits for the next group, but
 * the benchmark showed no gain from it, and it would cost order. Lettuce writes a command sent from its event-loop
 * thread (as the next group is, when a call answers) ahead of one another thread sent just before, which still waits
 * in the loop's task queue; so two calls in flight could reach Redis in the opposite order of the requests they carry,
 * and a request could be decided after one its sender sent later. See {@code DESIGN.md} in the {@code admission}
 * package.
 */
final class GroupCommitter {

    /**
     * A group stops growing at this many events (a larger part still goes, alone): a script call blocks Redis for
     * everyone while it runs, and beyond a few hundred events a group saves nothing more per event.
     */
    static final int MAX_EVENTS_PER_CALL = 500;

    /**
     * One request's events for one shard: the shard's stream and status stream, the events' record keys, and the
     * request's arguments as admit.lua takes them (its head, then those of each event).
     */
    record Part(String stream, String statusStream, int events, List<String> recordKeys, List<Object> args) {
    }

    private record Waiting(Part part, CompletableFuture<List<Object>> answer) {
    }

    private final List<String> callArgs;
    private final BiFunction<String[], List<Object>, CompletionStage<List<Object>>> script;
    private final Object lock = new Object();
    private final List<Waiting> waiting = new ArrayList<>();
    private boolean calling;

    /**
     * @param callArgs the arguments every call starts with, before its streams'
     * @param script   sends admit.lua with these keys and arguments; the reply has one answer per event, in order
     */
    GroupCommitter(List<String> callArgs, BiFunction<String[], List<Object>, CompletionStage<List<Object>>> script) {
        this.callArgs = List.copyOf(callArgs);
        this.script = script;
    }

    /**
     * Completes each of the returned stages, one per part, with admit.lua's answers for that part's events, or fails
     * it as the call that carried the part failed. The parts wait together, so an idle committer sends a request's
     * parts for several shards in one call.
     */
    List<CompletableFuture<List<Object>>> submit(List<Part> parts) {
        List<CompletableFuture<List<Object>>> answers = new ArrayList<>(parts.size());
        synchronized (lock) {
            for (Part part : parts) {
                Waiting entry = new Waiting(part, new CompletableFuture<>());
                waiting.add(entry);
                answers.add(entry.answer());
            }
            if (calling) {
                return answers;
            }
            calling = true;
        }
        callWaiting();
        return answers;
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
        // Each stream once, its parts in arrival order: the script reads a stream's length once for all its parts.
        // Parts of different shards touch different keys, so deciding them in another order changes no answer.
        Map<String, List<Waiting>> byStream = new LinkedHashMap<>();
        for (Waiting entry : group) {
            byStream.computeIfAbsent(entry.part().stream(), stream -> new ArrayList<>()).add(entry);
        }
        List<Waiting> ordered = new ArrayList<>(group.size());
        List<String> keys = new ArrayList<>();
        List<Object> args = new ArrayList<>(callArgs);
        for (Map.Entry<String, List<Waiting>> stream : byStream.entrySet()) {
            keys.add(stream.getKey());
            keys.add(stream.getValue().get(0).part().statusStream());
            args.add(Integer.toString(stream.getValue().size()));
            for (Waiting entry : stream.getValue()) {
                keys.addAll(entry.part().recordKeys());
                args.addAll(entry.part().args());
                ordered.add(entry);
            }
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
            for (Waiting entry : ordered) {
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
