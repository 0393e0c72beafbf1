package io.kubezen.watcher.controller.informer.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.BucketRateLimiter;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import io.kubernetes.client.extended.workqueue.ratelimiter.MaxOfRateLimiter;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.InformerSource;
import io.kubezen.watcher.controller.informer.ObjectKey;
import io.kubezen.watcher.controller.informer.ObjectSync;
import io.kubezen.watcher.controller.informer.SourceWatch;
import io.kubezen.watcher.controller.informer.WorkQueueOptions;
import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.workqueue.KeyEnqueuer;
import io.kubezen.watcher.controller.workqueue.KeyWorker;
import io.kubezen.watcher.controller.workqueue.SelectorListerWatcher;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One source's informers (one per watched namespace, or one for all), its work queue and its workers. Handlers
 * only enqueue the object's key; the queue holds each key once however often it changes, so it is bounded by the
 * number of watched objects. Workers run {@link ObjectSync} per key: on success the key's backoff is forgotten, on
 * failure it is re-added with per-key exponential backoff under a source-wide rate limit, and it is always marked done.
 */
final class KubernetesSourceWatch implements SourceWatch {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesSourceWatch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final String source;
    private final Map<String, SharedIndexInformer<DynamicKubernetesObject>> informers;
    private final RateLimitingQueue<ObjectKey> queue;
    private final ExecutorService threads;
    private final ObservedEvents observed;
    private final List<Thread> workers = new ArrayList<>();

    private KubernetesSourceWatch(String source, Map<String, SharedIndexInformer<DynamicKubernetesObject>> informers,
                                  RateLimitingQueue<ObjectKey> queue, ExecutorService threads, ObservedEvents observed) {
        this.source = source;
        this.informers = informers;
        this.queue = queue;
        this.threads = threads;
        this.observed = observed;
    }

    static KubernetesSourceWatch start(InformerSource source,
                                       GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api,
                                       FindingStore findings, Admission admission, WorkQueueOptions options,
                                       MeterRegistry registry, ObservedEvents observed) {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "informer-" + source.name());
            thread.setDaemon(true);
            return thread;
        });
        RateLimitingQueue<ObjectKey> queue = new DefaultRateLimitingQueue<>(threads, new MaxOfRateLimiter<>(
                new ItemExponentialFailureRateLimiter<>(options.retryBaseDelay(), options.retryMaxDelay()),
                new BucketRateLimiter<>(options.retryBurst(), options.retryQps(), Duration.ofSeconds(1))));
        Map<String, SharedIndexInformer<DynamicKubernetesObject>> informers = new LinkedHashMap<>();
        List<String> namespaces = source.namespaces().isEmpty() ? Collections.singletonList(null)
                : source.namespaces();
        for (String namespace : namespaces) {
            informers.put(namespace == null ? "" : namespace, new DefaultSharedIndexInformer<>(
                    DynamicKubernetesObject.class, new SelectorListerWatcher<>(api, namespace,
                    source.informer().labelSelector(), source.informer().fieldSelector()), source.resync().toMillis()));
        }
        KubernetesSourceWatch watch = new KubernetesSourceWatch(source.name(), informers, queue, threads, observed);
        // Reported only while running, so a standby controller's start time cannot hide the leader's silence.
        observed.track(source.name(), ExpectationsSpec.silentAfter(source.expectations()).orElse(null));
        ObjectSync sync = new ObjectSync(source, watch::cached, findings, admission, registry, observed);
        for (int i = 0; i < options.workers(); i++) {
            Thread worker = new Thread(() -> watch.work(sync), "informer-" + source.name() + "-worker-" + i);
            worker.setDaemon(true);
            watch.workers.add(worker);
            worker.start();
        }
        informers.values().forEach(informer -> {
            informer.addEventHandler(new KeyEnqueuer<>(watch.queue::add, KubernetesSourceWatch::key));
            threads.submit(informer::run);
        });
        return watch;
    }

    @Override
    public boolean hasSynced() {
        return informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::stop);
        queue.shutDown();
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.shutdownNow();
        observed.untrack(source);
    }

    private void work(ObjectSync sync) {
        try {
            KeyWorker.run(queue, key -> {
                sync.sync(key);
                return true;
            }, new FailureLog(LOG, "Sync of informer source " + source));
        } catch (InterruptedException e) {
            // Interrupted by close(), which shut the queue down first.
        }
    }

    private Optional<byte[]> cached(ObjectKey key) {
        SharedIndexInformer<DynamicKubernetesObject> informer = informers.containsKey("") ? informers.get("")
                : informers.get(key.namespace());
        DynamicKubernetesObject object = informer == null ? null : informer.getIndexer().getByKey(key.toString());
        return object == null ? Optional.empty()
                : Optional.of(object.getRaw().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectKey key(KubernetesObject object) {
        return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
