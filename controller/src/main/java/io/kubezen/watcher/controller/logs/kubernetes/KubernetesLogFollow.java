package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubernetes.client.extended.workqueue.DefaultWorkQueue;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.throttle.TokenBucket;
import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.ContainerLog;
import io.kubezen.watcher.controller.logs.LogFollow;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogSource;
import io.kubezen.watcher.controller.logs.SourceMeters;
import io.kubezen.watcher.controller.workqueue.KeyEnqueuer;
import io.kubezen.watcher.controller.workqueue.SelectorListerWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One logs source's pod informers (one per namespace, or one for all), with its label selector: no polling.
 * Handlers only enqueue the pod's key; one worker syncs it: a container that runs, or ran, and has no stream gets a
 * {@link ContainerFollower}; the containers of a pod that is gone are stopped and their positions forgotten. A
 * follower whose container stopped running re-enqueues its pod, so a restarted container gets a new stream. A
 * container run that was read to its end is remembered, so later updates of its pod do not read it again.
 */
final class KubernetesLogFollow implements LogFollow {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLogFollow.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final LogSource source;
    private final Dependencies deps;
    private final SourceMeters meters;
    private final Map<String, SharedIndexInformer<V1Pod>> informers = new LinkedHashMap<>();
    private final WorkQueue<String> queue = new DefaultWorkQueue<>();
    private final Map<ContainerKey, ContainerFollower> followers = new ConcurrentHashMap<>();
    /** The container run (id and restart count) each finished follower read to its end. */
    private final Map<ContainerKey, String> finished = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final Thread worker;
    /** When this leader began to follow the source: containers that started later are read from their start. */
    private final Instant followingSince;
    private volatile boolean closed;

    private KubernetesLogFollow(LogSource source, Dependencies deps) {
        this.source = source;
        this.deps = deps;
        this.meters = new SourceMeters(source.name(), deps.registry());
        this.followingSince = deps.clock().instant();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "logs-" + source.name() + "-informer");
            thread.setDaemon(true);
            return thread;
        });
        this.worker = new Thread(this::work, "logs-" + source.name() + "-worker");
        worker.setDaemon(true);
    }

    static KubernetesLogFollow start(LogSource source, GenericKubernetesApi<V1Pod, V1PodList> api, Dependencies deps) {
        KubernetesLogFollow follow = new KubernetesLogFollow(source, deps);
        // Reported only while following, so a standby controller's start time cannot hide the leader's silence.
        deps.observed().track(source.name(), ExpectationsSpec.silentAfter(source.expectations()).orElse(null));
        List<String> namespaces = source.namespaces().isEmpty() ? Collections.singletonList(null) : source.namespaces();
        for (String namespace : namespaces) {
            SharedIndexInformer<V1Pod> informer = new DefaultSharedIndexInformer<>(V1Pod.class,
                    new SelectorListerWatcher<>(api, namespace, source.logs().podSelector(), null), 0);
            informer.addEventHandler(new KeyEnqueuer<>(follow.queue::add, KubernetesLogFollow::key));
            follow.informers.put(namespace == null ? "" : namespace, informer);
        }
        follow.worker.start();
        follow.informers.values().forEach(informer -> follow.threads.submit(informer::run));
        return follow;
    }

    @Override
    public void close() {
        closed = true;
        informers.values().forEach(SharedIndexInformer::stop);
        queue.shutDown();
        worker.interrupt();
        // The worker ends first, so that no stream starts after the others were told to stop.
        try {
            worker.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Every stream is told at once, so they record their positions and end together, not one after another.
        followers.values().forEach(ContainerFollower::stop);
        followers.values().forEach(ContainerFollower::awaitStopped);
        threads.shutdownNow();
        meters.remove();
        deps.observed().untrack(source.name());
    }

    private void work() {
        FailureLog failures = new FailureLog(LOG, "Pod sync of logs source " + source.name());
        while (!closed) {
            String key;
            try {
                key = queue.get();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null || closed) {
                return;
            }
            try {
                sync(key);
                failures.succeeded();
            } catch (RuntimeException e) {
                failures.failed(e);
            } finally {
                queue.done(key);
            }
        }
    }

    /** The idempotent step for one pod: start the streams it lacks, or end everything of a pod that is gone. */
    private void sync(String podKey) {
        V1Pod pod = cached(podKey);
        if (pod == null) {
            for (ContainerKey container : List.copyOf(followers.keySet())) {
                if (podKey.equals(container.namespace() + "/" + container.pod())) {
                    ContainerFollower gone = followers.remove(container);
                    gone.stop();
                    gone.awaitStopped();
                    deps.positions().forget(source.name(), container);
                }
            }
            finished.keySet().removeIf(container -> podKey.equals(container.namespace() + "/" + container.pod()));
            return;
        }
        List<V1ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        for (V1ContainerStatus status : statuses) {
            ContainerKey container = new ContainerKey(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                    status.getName());
            ContainerFollower running = followers.get(container);
            Instant started = startedAt(status.getState());
            if (!source.follows(status.getName()) || (running != null && running.isAlive()) || started == null
                    || run(status).equals(finished.get(container)) || closed) {
                continue;
            }
            ContainerFollower follower = follower(podKey, container, run(status), started);
            followers.put(container, follower);
            follower.start();
        }
    }

    private ContainerFollower follower(String podKey, ContainerKey container, String run, Instant started) {
        Instant reach = followingSince.minus(source.since());
        ContainerLog log = new ContainerLog(source, container, deps.positions(), deps.admission(), meters,
                deps.observed(), deps.options().checkpointLines());
        return new ContainerFollower(source.name(), container, log, deps.streams(), deps.slots(), meters,
                deps.options(), new TokenBucket(deps.options().maxLinesPerSecond(), deps.options().lineBurst(),
                deps.clock()), started.isAfter(reach) ? started : reach, failed -> reconnect(podKey, container, run, failed),
                () -> queue.add(podKey));
    }

    /**
     * Asked by a follower whose stream ended: reconnect while the same run of its container still runs, or when the
     * stream failed before the end of a stopped run's log, which the kubelet keeps while the pod exists. A run read
     * to its end is remembered as finished.
     */
    private boolean reconnect(String podKey, ContainerKey container, String run, boolean failed) {
        V1Pod pod = cached(podKey);
        V1ContainerStatus status = pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? null : pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals(container.container())).findFirst().orElse(null);
        if (status == null || !run(status).equals(run)) {
            return false;
        }
        if (failed || (status.getState() != null && status.getState().getRunning() != null)) {
            return true;
        }
        finished.put(container, run);
        return false;
    }

    private V1Pod cached(String podKey) {
        String namespace = podKey.substring(0, podKey.indexOf('/'));
        SharedIndexInformer<V1Pod> informer = informers.containsKey("") ? informers.get("") : informers.get(namespace);
        return informer == null ? null : informer.getIndexer().getByKey(podKey);
    }

    /** When the container's current run started; null when it never ran (waiting for its first start). */
    private static Instant startedAt(V1ContainerState state) {
        OffsetDateTime started = state == null ? null : state.getRunning() != null ? state.getRunning().getStartedAt()
                : state.getTerminated() != null ? state.getTerminated().getStartedAt() : null;
        if (started != null) {
            return started.toInstant();
        }
        return state != null && (state.getRunning() != null || state.getTerminated() != null) ? Instant.EPOCH : null;
    }

    private static String run(V1ContainerStatus status) {
        return status.getContainerID() + "#" + status.getRestartCount();
    }

    private static String key(V1Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
