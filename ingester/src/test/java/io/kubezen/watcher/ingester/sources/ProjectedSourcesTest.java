package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.projection.ProjectionDocument;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectedSourcesTest {

    private static final Map<String, Object> OPEN = Map.of("auth", Map.of("mode", "none"));

    private final SourceBuilder builder = new SourceBuilder(
            new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT), new SecretResolver(name -> null));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceCatalog catalog = new SourceCatalog(Map.of(
            "falco", builtin(SourceType.FALCO, AuthSettings.unconfigured()),
            "webhook", builtin(SourceType.WEBHOOK, AuthSettings.unconfigured())),
            new SourceGauges(new ObservedEvents(registry, Clock.systemUTC(), new EventTypeLabels(1))));
    private final ProjectedSources projected = new ProjectedSources(catalog, builder);

    @Test
    void projectedIngestersJoinAndReplaceSameNamedSourcesAndLeaveWhenWithdrawn() {
        ReceiverSource builtinFalco = catalog.find("falco").orElseThrow();
        projected.apply(config(1, Map.of(
                "zen/falco", Map.of("source", "falco", "type", "falco", "webhook", OPEN),
                "zen/github", Map.of("source", "github", "type", "webhook", "webhook", OPEN))));

        assertThat(catalog.all()).extracting(ReceiverSource::name).containsExactlyInAnyOrder("falco", "webhook", "github");
        assertThat(catalog.find("falco").orElseThrow()).isNotSameAs(builtinFalco);

        projected.apply(config(2, Map.of()));

        assertThat(catalog.all()).extracting(ReceiverSource::name).containsExactlyInAnyOrder("falco", "webhook");
        assertThat(catalog.find("falco")).containsSame(builtinFalco);
    }

    @Test
    void anUnchangedSpecKeepsItsBuiltSourceAndAChangedOneIsRebuilt() {
        Map<String, Object> github = Map.of("source", "github", "type", "webhook", "webhook", OPEN);
        projected.apply(config(1, Map.of("zen/github", github)));
        ReceiverSource first = catalog.find("github").orElseThrow();

        projected.apply(config(2, Map.of("zen/github", github)));
        assertThat(catalog.find("github").orElseThrow()).isSameAs(first);

        projected.apply(config(3, Map.of("zen/github", Map.of("source", "github", "type", "webhook",
                "webhook", OPEN, "filter", Map.of("minSeverity", "high")))));
        assertThat(catalog.find("github").orElseThrow().pipeline().definition().filter().minSeverity())
                .hasToString("HIGH");
    }

    @Test
    void aSpecThatDoesNotBuildKeepsTheLastGoodVersionAndOthersStillApply() {
        Map<String, Object> github = Map.of("source", "github", "type", "webhook", "webhook", OPEN);
        projected.apply(config(1, Map.of("zen/github", github)));
        ReceiverSource good = catalog.find("github").orElseThrow();

        projected.apply(config(2, Map.of(
                "zen/github", Map.of("source", "github", "type", "webhook", "webhook", OPEN,
                        "filter", Map.of("expression", "observation.severity ==")),
                "zen/broken-new", Map.of("source", "broken-new", "type", "no-such-type"),
                "zen/gitlab", Map.of("source", "gitlab", "type", "webhook", "webhook", OPEN))));

        assertThat(catalog.find("github")).containsSame(good);
        assertThat(catalog.find("broken-new")).isEmpty();
        assertThat(catalog.find("gitlab")).isPresent();
    }

    @Test
    void everyServedSourceHasALastEventGaugeAndAThresholdWhereItsSpecSetsOne() {
        projected.apply(config(1, Map.of("zen/github", Map.of("source", "github", "type", "webhook",
                "webhook", OPEN, "expectations", Map.of("silentAfterSeconds", 900)))));

        assertThat(gaugedSources(MetricNames.LAST_EVENT)).containsExactlyInAnyOrder("falco", "webhook", "github");
        assertThat(registry.get(MetricNames.SILENT_AFTER).tag(MetricNames.TAG_SOURCE, "github").gauge().value())
                .isEqualTo(900);

        projected.apply(config(2, Map.of()));

        assertThat(gaugedSources(MetricNames.LAST_EVENT)).containsExactlyInAnyOrder("falco", "webhook");
        assertThat(gaugedSources(MetricNames.SILENT_AFTER)).isEmpty();
    }

    /** The document as an ingester reads it from Redis, specs it cannot read included. */
    private static ProjectedConfig config(long version, Map<String, Map<String, Object>> specs) {
        return ProjectionDocument.read(version, SpecJson.write(specs));
    }

    private List<String> gaugedSources(String name) {
        return registry.find(name).gauges().stream().map(gauge -> gauge.getId().getTag(MetricNames.TAG_SOURCE)).toList();
    }

    private ReceiverSource builtin(SourceType type, AuthSettings auth) {
        try {
            return builder.build(SourceDefinition.builtin(type), auth, null, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
