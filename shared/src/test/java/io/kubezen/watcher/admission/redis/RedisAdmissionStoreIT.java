package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.AdmissionStoreContract;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.redis.RedisMode;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.CommandStats;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@WithRedis
class RedisAdmissionStoreIT extends AdmissionStoreContract {

    /** Longer than a test needs to queue its requests behind a pause, shorter than a command's timeout. */
    private static final long PAUSE_MILLIS = 1_000;

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    protected final RedisDeployment redis;
    private ShardedEventQueue queue;

    RedisAdmissionStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @AfterEach
    void closeQueue() {
        if (queue != null) {
            queue.close();
        }
    }

    /** Each store has a connection of its own, as another ingester would. */
    @Override
    protected AdmissionStore createStore(Clock clock, long capacity) {
        return new RedisAdmissionStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL, capacity,
                ReplicaAcks.NONE);
    }

    @Override
    protected EventQueue queue() {
        if (queue == null) {
            queue = RedisEventQueue.sharded(connectors.open(redis), RedisEventQueue.DEFAULT_CAPACITY);
        }
        return queue;
    }

    @Override
    protected DedupStore records() {
        return new RedisDedupStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    @Test
    void anEventsRecordAndItsEntryShareTheShardsSlot() {
        RedisConnector connector = connectors.open(redis);
        createStore(clock, 1_000).admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join();
        int shard = connector.keys().shard("falco", "fp-1");

        String record = connector.keys().dedupRecord("falco", "fp-1");
        String stream = connector.keys().observationStream(shard);
        assertThat(record).isEqualTo("zw:{s" + shard + "}:dedup:falco:fp-1");
        assertThat(SlotHash.getSlot(record)).isEqualTo(SlotHash.getSlot(stream))
                .isEqualTo(SlotHash.getSlot(connector.keys().statusStream(shard)));
        assertThat(redis.sync().exists(record)).isEqualTo(1);
        assertThat(redis.sync().xlen(stream)).isEqualTo(1);
        assertThat(QueueStreams.length(redis.sync())).isEqualTo(1);
    }

    /**
     * On a single master one call carries a batch's parts for every shard; on Cluster, whose scripts may only touch
     * keys of one slot, each shard has a call of its own.
     */
    @Test
    void aBatchOverEveryShardIsOneCallOnASingleMasterAndOneCallPerShardOnCluster() {
        AdmissionStore store = createStore(clock, 1_000);
        warmUp(store);
        long before = scriptCalls();

        List<DedupResult> results = store.admitAsync(onEveryShard("fp")).toCompletableFuture().join();

        assertThat(results).hasSize(shards()).allMatch(DedupResult::firstOccurrence);
        assertThat(scriptCalls() - before).isEqualTo(cluster() ? shards() : 1);
    }

    /**
     * Requests for different shards that arrive while a call is in flight wait, and go together in the next call: one
     * on a single master; on Cluster only the one for the busy shard waits, and each other shard's goes at once.
     */
    @Test
    void requestsForDifferentShardsWaitingForACallInFlightGoTogetherInTheNextCall() {
        AdmissionStore store = createStore(clock, 1_000);
        warmUp(store);
        long before = scriptCalls();

        CompletableFuture<List<DedupResult>> busy;
        List<CompletableFuture<List<DedupResult>>> waiting;
        pauseScripts();
        try {
            busy = callInFlight(store);
            waiting = onEveryShard("fp").stream()
                    .map(request -> store.admitAsync(List.of(request)).toCompletableFuture()).toList();
        } finally {
            resumeScripts();
        }

        assertThat(busy.join().get(0).firstOccurrence()).isTrue();
        assertThat(waiting).allSatisfy(call -> assertThat(call.join().get(0).firstOccurrence()).isTrue());
        assertThat(scriptCalls() - before).isEqualTo(cluster() ? 1 + shards() : 2);
    }

    /** The script checks each stream's room by itself: a full shard refuses its requests, the others are admitted. */
    @Test
    void aFullShardRefusesOnlyItsOwnRequestsInACallCarryingOthers() {
        int capacity = 3;
        AdmissionStore store = createStore(clock, capacity);
        warmUp(store);
        List<String> full = fingerprintsOnShard(1, "full", capacity - 1);
        store.admitAsync(full.stream().map(fingerprint -> request(fingerprint, WINDOW)).toList())
                .toCompletableFuture().join();
        String refused = fingerprintsOnShard(1, "refused", 1).get(0);
        String admitted = fingerprintsOnShard(2, "admitted", 1).get(0);
        long before = scriptCalls();

        CompletableFuture<List<DedupResult>> busy;
        CompletableFuture<List<DedupResult>> toFullShard;
        CompletableFuture<List<DedupResult>> toOtherShard;
        pauseScripts();
        try {
            busy = callInFlight(store);
            toFullShard = store.admitAsync(List.of(request(refused, WINDOW))).toCompletableFuture();
            toOtherShard = store.admitAsync(List.of(request(admitted, WINDOW))).toCompletableFuture();
        } finally {
            resumeScripts();
        }

        assertThatThrownBy(toFullShard::join).hasCauseInstanceOf(QueueFullException.class);
        assertThat(toOtherShard.join().get(0).firstOccurrence()).isTrue();
        assertThat(busy.join().get(0).firstOccurrence()).isTrue();
        assertThat(scriptCalls() - before).as("the two waiting requests in one call, on Cluster one each")
                .isEqualTo(cluster() ? 3 : 2);
        assertThat(records().get("falco", refused)).isEmpty();
        assertThat(records().get("falco", admitted)).isPresent();
    }

    /**
     * An event sent with its observation is expected to be new: on Redis 7 its record costs one command, SET NX GET,
     * which also reads the record when there is one; Redis 6.2 refuses NX with GET, and there it is a GET and a SET.
     * An event sent with its observation that turns out to be a repeat (another process recorded it) is still counted.
     */
    @Test
    void aFirstOccurrenceSentWithItsObservationCostsOneRecordCommandOnRedis7() {
        AdmissionStore store = createStore(clock, 1_000);
        warmUp(store);
        long gets = commandCalls("get");
        long sets = commandCalls("set");

        List<DedupResult> first = store.admitAsync(onEveryShard("fp")).toCompletableFuture().join();

        assertThat(first).hasSize(shards()).allMatch(DedupResult::firstOccurrence);
        assertThat(commandCalls("set") - sets).isEqualTo(shards());
        assertThat(commandCalls("get") - gets).isEqualTo(setTakesNxWithGet() ? 0 : shards());
        List<DedupResult> again = createStore(clock, 1_000).admitAsync(onEveryShard("fp")).toCompletableFuture().join();
        assertThat(again).allSatisfy(result -> {
            assertThat(result.firstOccurrence()).isFalse();
            assertThat(result.record().count()).isEqualTo(2);
        });
        assertThat(QueueStreams.length(redis.sync())).as("the warm-up's, the first occurrences and the repeats' status updates")
                .isEqualTo(3 * shards());
    }

    /**
     * A request whose event count is below 1 is refused before it is decided: such a count made admit.lua's loop step
     * back over the arguments it had read, and keep Redis busy until the script's time-out.
     */
    @Test
    void anEventCountBelowOneIsRefusedAndKeepsRedisFree() {
        RedisConnector connector = connectors.open(redis);
        String record = connector.keys().dedupRecord("falco", "fp-1");
        String stream = connector.keys().observationStream(connector.keys().shard("falco", "fp-1"));
        String[] keys = {stream, record};
        List<String> event = List.of("1765000300000", "360000", "payments", "{}");

        assertThat(refusal(connector, keys, "-1", event)).contains("the event count at argument 4");
        assertThat(refusal(connector, keys, "0", event)).contains("the event count at argument 4");
        assertThat(redis.sync().exists(record, stream)).isZero();
        assertThat(redis.sync().ping()).isEqualTo("PONG");
    }

    private static String refusal(RedisConnector connector, String[] keys, String events, List<String> event) {
        List<String> args = new ArrayList<>(List.of("1000", "30000", "1", events, "1765000000000",
                "2025-12-06T05:46:40Z"));
        args.addAll(event);
        CompletableFuture<List<Object>> call = RedisAdmissionStore.admissionScript()
                .runWithBytes(connector.shared().async(), keys, args).toCompletableFuture();
        Throwable failure = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        return failure.getCause().getMessage();
    }

    @Test
    void theScriptIsSentAgainAfterRedisForgotIt() {
        AdmissionStore store = createStore(clock, 1_000);
        store.admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join();
        redis.sync().scriptFlush();
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join().get(0)
                .record().count()).isEqualTo(2);
    }

    /** The masters the store's scripts run on, each through commands of its own: the one of standalone and Sentinel. */
    protected List<? extends RedisClusterCommands<String, String>> masters() {
        return List.of(redis.sync());
    }

    /** Connects the store and loads the script on every master, so that the calls counted next are all EVALSHA. */
    private void warmUp(AdmissionStore store) {
        store.admitAsync(onEveryShard("warm-up")).toCompletableFuture().join();
    }

    /**
     * A request for a new event of shard 0; with scripts paused, it goes at once, and its call does not answer until
     * they resume.
     */
    private CompletableFuture<List<DedupResult>> callInFlight(AdmissionStore store) {
        return store.admitAsync(List.of(request(fingerprintsOnShard(0, "busy", 1).get(0), WINDOW)))
                .toCompletableFuture();
    }

    /** EVALSHA calls the masters have run so far, failed ones included. */
    private long scriptCalls() {
        return commandCalls("evalsha");
    }

    private long commandCalls(String command) {
        return CommandStats.calls(masters(), command);
    }

    /** Whether the masters run Redis 7 or later, whose SET takes NX with GET. */
    private boolean setTakesNxWithGet() {
        Matcher version = Pattern.compile("redis_version:(\\d+)\\.").matcher(masters().get(0).info("server"));
        assertThat(version.find()).isTrue();
        return Integer.parseInt(version.group(1)) >= 7;
    }

    /** Clients' scripts wait on every master, unrun, until {@link #resumeScripts()}; other commands still run. */
    private void pauseScripts() {
        masters().forEach(master -> client(master, new CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(PAUSE_MILLIS)
                .add("WRITE")));
    }

    private void resumeScripts() {
        masters().forEach(master -> client(master, new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE")));
    }

    private static void client(RedisClusterCommands<String, String> master, CommandArgs<String, String> args) {
        assertThat(master.dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8), args)).isEqualTo("OK");
    }

    /** One request for a new event in each shard, shard by shard. */
    private List<AdmissionRequest> onEveryShard(String prefix) {
        return IntStream.range(0, shards()).mapToObj(shard -> request(fingerprintsOnShard(shard, prefix, 1).get(0),
                WINDOW)).toList();
    }

    private boolean cluster() {
        return redis.options().mode() == RedisMode.CLUSTER;
    }

    private int shards() {
        return redis.options().queueShards();
    }

    /** {@code count} fingerprints starting with {@code prefix} whose events fall on {@code shard}. */
    private List<String> fingerprintsOnShard(int shard, String prefix, int count) {
        RedisKeys keys = new RedisKeys(redis.options().keyPrefix(), shards());
        List<String> fingerprints = new ArrayList<>();
        for (int i = 0; fingerprints.size() < count; i++) {
            if (keys.shard("falco", prefix + "-" + i) == shard) {
                fingerprints.add(prefix + "-" + i);
            }
        }
        return fingerprints;
    }
}
