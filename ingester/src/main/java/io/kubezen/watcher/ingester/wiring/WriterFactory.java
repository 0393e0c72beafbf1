package io.kubezen.watcher.ingester.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.ingester.writer.InstallLabelSink;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.consume.QueueWriter;
import io.kubezen.watcher.ingester.writer.consume.QueueWriterLoop;
import io.kubezen.watcher.ingester.writer.consume.WriterMetrics;
import io.kubezen.watcher.ingester.writer.kubernetes.KubernetesObservationSink;
import io.kubezen.watcher.ingester.writer.local.JsonLinesObservationSink;
import io.kubezen.watcher.ingester.writer.local.LocalSinkGc;
import io.kubezen.watcher.ingester.writer.throttle.RetryingObservationSink;
import io.kubezen.watcher.ingester.writer.throttle.Sleeper;
import io.kubezen.watcher.ingester.writer.throttle.WriteThrottle;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.wiring.GcProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;

/**
 * The writer role: a sink (the Kubernetes API when this process can reach one, else the local JSON-lines file, with
 * its own GC) behind the install's label, the process-wide write throttle and retries, and the loop that feeds it
 * from the queue.
 */
@Factory
@Requires(condition = WriterRole.class)
class WriterFactory {

    private static final Logger LOG = LoggerFactory.getLogger(WriterFactory.class);

    @Singleton
    @Requires(condition = KubernetesConfigured.class)
    KubernetesObservationSink kubernetesSink(ApiClient client, WriterProperties properties, Install install,
                                             Clock clock) {
        LOG.info("Writing Observations through the Kubernetes API at {}", client.getBasePath());
        return new KubernetesObservationSink(client, properties.rails(install),
                new WriteThrottle(properties.qps(), properties.burst(), clock, Sleeper.SYSTEM));
    }

    @Singleton
    @Requires(condition = KubernetesConfigured.Not.class)
    @Bean(preDestroy = "close")
    JsonLinesObservationSink localSink(WriterProperties properties, Install install, Clock clock) {
        try {
            JsonLinesObservationSink sink = new JsonLinesObservationSink(properties.localSinkFile(),
                    properties.rails(install), clock);
            LOG.warn("No Kubernetes configured: Observations are written to {} and listed at GET /api/v1/observations {}",
                    properties.localSinkFile().toAbsolutePath(), properties.allowUnauthenticatedReads()
                            ? "to anyone who can reach this port (" + WriterProperties.PREFIX
                            + ".allow-unauthenticated-reads is on; use it for local trials only)"
                            : "with the admin token");
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + WriterProperties.PREFIX + ".local-sink-path "
                    + properties.localSinkFile(), e);
        }
    }

    @Context
    @Bean(preDestroy = "close")
    QueueWriterLoop queueWriterLoop(EventQueue queue, ObservationSink sink, DedupStore records, WriterProperties writer,
                                    Install install, ConsumerProperties settings, MeterRegistry registry,
                                    Clock clock) {
        WriterMetrics metrics = new WriterMetrics(registry);
        ObservationSink labelled = new InstallLabelSink(sink, install.name());
        ObservationSink retrying = new RetryingObservationSink(labelled, writer.retryPolicy(), Sleeper.SYSTEM,
                RandomGenerator.getDefault(), metrics::retried);
        QueueWriter queueWriter = new QueueWriter(queue, retrying, records, settings, consumerName(settings), metrics,
                clock);
        registerQueueGauges(registry, queue, settings.group());
        QueueWriterLoop loop = new QueueWriterLoop(queueWriter, settings);
        loop.start();
        return loop;
    }

    @Context
    @Requires(condition = KubernetesConfigured.Not.class)
    @Requires(property = GcProperties.PREFIX + ".enabled", notEquals = "false")
    @Bean(preDestroy = "close")
    LocalSinkGc localSinkGc(JsonLinesObservationSink sink, GcProperties gc, Clock clock, MeterRegistry registry) {
        LocalSinkGc collector = new LocalSinkGc(sink, gc.ttlPolicy(), gc.interval(), clock, registry);
        collector.start();
        return collector;
    }

    private static String consumerName(ConsumerProperties settings) {
        if (settings.consumer() != null && !settings.consumer().isBlank()) {
            return settings.consumer();
        }
        // HOSTNAME (set in every pod and container) before asking the resolver, which can stall the start on
        // a host whose own name does not resolve.
        for (String variable : new String[] {"POD_NAME", "HOSTNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "writer-" + ProcessHandle.current().pid();
        }
    }

    private static void registerQueueGauges(MeterRegistry registry, EventQueue queue, String group) {
        gauge(registry, MetricNames.QUEUE_LENGTH, queue, group, QueueStats::length);
        gauge(registry, MetricNames.QUEUE_PENDING, queue, group, QueueStats::pending);
        gauge(registry, MetricNames.QUEUE_LAG, queue, group, stats -> stats.lag().orElse(-1));
    }

    private static void gauge(MeterRegistry registry, String name, EventQueue queue, String group,
                              ToLongFunction<QueueStats> value) {
        // Read at scrape time; NaN while the queue is unreachable rather than a stale figure.
        Gauge.builder(name, queue, q -> {
            try {
                long v = value.applyAsLong(q.stats(group));
                return v < 0 ? Double.NaN : v;
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).register(registry);
    }
}
