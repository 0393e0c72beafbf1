package io.kubezen.watcher.controller.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigTree;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.InformerDuty;
import io.kubezen.watcher.controller.informer.kubernetes.KubernetesWatchStarter;
import io.kubezen.watcher.controller.informer.redis.RedisFindingStore;
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
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The informer duty, when there is a Redis to share the dedup records, the queue and the finding records with the
 * ingesters and the next leader. Its sources come from {@code zen-watcher.informers.<name>} (an Ingester spec each),
 * which stop the start when they do not compile, naming their keys, and from informer-type Ingester resources, which
 * the projection feeds it ({@link io.kubezen.watcher.controller.projection.InformerIngesters}).
 */
@Factory
@Requires(property = RedisProperties.URI)
final class InformerFactory {

    static final String SOURCES_PREFIX = "zen-watcher.informers";

    @Singleton
    FindingStore findingStore(RedisConnector connector) {
        return new RedisFindingStore(connector);
    }

    @Singleton
    InformerDuty informerDuty(Environment environment, ApiClient client, FindingStore findings, AdmissionStore store,
                              DedupWindows windows, InformerProperties properties, Install install, Clock clock,
                              MeterRegistry registry,
                              @Value("${" + EventTypeLabels.PER_SOURCE_KEY + ":" + EventTypeLabels.DEFAULT_PER_SOURCE
                                      + "}") int eventTypesPerSource) {
        if (!install.owns(properties.defaultNamespace())) {
            // Observations placed there could neither be written by this install's writers nor collected by its GC.
            throw new ConfigurationException(InformerProperties.PREFIX + ".default-namespace: '"
                    + properties.defaultNamespace() + "' is not one of the install's namespaces "
                    + install.namespaces() + " (" + InstallProperties.PREFIX + ".namespaces)");
        }
        SourceCompiler compiler = new SourceCompiler(SourceAdapterRegistry.load(),
                new PipelineOptions(clock, properties.defaultNamespace(), Normalizer.DEFAULT_MAX_DETAIL_BYTES));
        Admission admission = new Admission(store, windows, clock);
        // Watches are responses held open for minutes; client-java's SharedInformerFactory and micronaut-kubernetes'
        // informers set the same on the client they are given.
        client.setReadTimeout(0);
        ObservedEvents observed = new ObservedEvents(registry, clock, new EventTypeLabels(eventTypesPerSource));
        InformerDuty duty = new InformerDuty(compiler,
                new KubernetesWatchStarter(client, findings, admission, properties.toOptions(), registry, observed),
                install);
        Map<String, List<ConfigError>> problems = duty.update(configured(environment));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.entrySet().stream()
                    .map(e -> SOURCES_PREFIX + "." + e.getKey() + ": " + e.getValue().stream()
                            .map(ConfigError::toString).collect(Collectors.joining("; ")))
                    .collect(Collectors.joining("\n")));
        }
        return duty;
    }

    @SuppressWarnings("unchecked")
    static List<IngesterSpec> configured(Environment environment) {
        Map<String, Object> tree = ConfigTree.unflatten(SOURCES_PREFIX,
                environment.getProperties(SOURCES_PREFIX, StringConvention.RAW));
        List<IngesterSpec> specs = new ArrayList<>();
        tree.forEach((name, value) -> {
            String key = SOURCES_PREFIX + "." + name;
            if (!(value instanceof Map)) {
                throw new ConfigurationException(key + " must be a map in the shape of an Ingester spec");
            }
            Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) value);
            spec.putIfAbsent("source", name);
            spec.putIfAbsent("type", SourceType.INFORMER.wireName());
            try {
                specs.add(SpecJson.convert(spec));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(key + ": " + e.getMessage(), e);
            }
        });
        return specs;
    }
}
