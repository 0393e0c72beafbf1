package io.kubezen.watcher.controller.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogsDuty;
import io.kubezen.watcher.controller.logs.LogsOptions;
import io.kubezen.watcher.controller.logs.StreamSlots;
import io.kubezen.watcher.controller.logs.kubernetes.KubernetesLogFollowStarter;
import io.kubezen.watcher.controller.logs.redis.RedisLogPositionStore;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The logs duty, when logs sources are on and there is a Redis to share the dedup records, the queue and the
 * containers' positions with the ingesters and the next leader. Its sources are logs-type Ingester resources, which
 * the projection feeds it; it lands its Observations where informer sources do
 * ({@code zen-watcher.informer.default-namespace}).
 */
@Factory
@Requires(property = RedisProperties.URI)
@Requires(property = LogsProperties.PREFIX + ".enabled", value = "true")
final class LogsFactory {

    @Singleton
    LogPositionStore logPositionStore(RedisConnector connector) {
        return new RedisLogPositionStore(connector);
    }

    @Singleton
    LogsDuty logsDuty(ApiClient client, LogPositionStore positions, AdmissionStore store, DedupWindows windows,
                      LogsProperties properties, InformerProperties informer, Clock clock,
                      MeterRegistry registry, Install install,
                      @Value("${" + EventTypeLabels.PER_SOURCE_KEY + ":" + EventTypeLabels.DEFAULT_PER_SOURCE
                              + "}") int eventTypesPerSource) {
        LogsOptions options = properties.toOptions();
        SourceCompiler compiler = new SourceCompiler(SourceAdapterRegistry.load(),
                new PipelineOptions(clock, informer.defaultNamespace(), Normalizer.DEFAULT_MAX_DETAIL_BYTES));
        Admission admission = new Admission(store, windows, clock);
        // Log follows, like watches, are responses held open for as long as they run.
        client.setReadTimeout(0);
        return new LogsDuty(compiler, new KubernetesLogFollowStarter(client, positions, admission,
                new StreamSlots(properties.maxStreams()), options, registry,
                new ObservedEvents(registry, clock, new EventTypeLabels(eventTypesPerSource)), clock), install);
    }
}
