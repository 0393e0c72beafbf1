package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.projection.ProjectionDocument;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ProjectionReloaderTest {

    private final SourceBuilder builder = new SourceBuilder(new SourceCompiler(SourceAdapterRegistry.load(),
            PipelineOptions.DEFAULT), new SecretResolver(name -> null));

    @Test
    void readsBeforeTheCatalogExistsAndAppliesWhatItReadOnceTheCatalogIsAttached() throws Exception {
        ReadOnce projection = new ReadOnce(ProjectionDocument.read(1, SpecJson.write(Map.of("zen/github",
                Map.of("source", "github", "type", "webhook", "webhook", Map.of("auth", Map.of("mode", "none")))))));
        try (ProjectionReloader reloader = new ProjectionReloader(projection)) {
            reloader.start(Duration.ofHours(1));
            assertThat(projection.read.await(30, TimeUnit.SECONDS)).as("read before the catalog is attached").isTrue();

            SourceCatalog catalog = catalog();
            assertThat(catalog.find("github")).isEmpty();
            reloader.attach(new ProjectedSources(catalog, builder));
            reloader.awaitFirstLoad();

            assertThat(catalog.find("github")).isPresent();
            assertThat(catalog.find("falco")).isPresent();
        }
    }

    @Test
    void theStartWaitsForTheFirstReadNotForTheSubscriptionWhichReadsAgain() throws Exception {
        SubscribesSlowly projection = new SubscribesSlowly(
                ProjectionDocument.read(1, SpecJson.write(Map.of())),
                ProjectionDocument.read(2, SpecJson.write(Map.of("zen/gitlab", Map.of("source", "gitlab",
                        "type", "webhook", "webhook", Map.of("auth", Map.of("mode", "none")))))));
        try (ProjectionReloader reloader = new ProjectionReloader(projection)) {
            SourceCatalog catalog = catalog();
            reloader.attach(new ProjectedSources(catalog, builder));
            reloader.start(Duration.ofHours(1));

            assertTimeoutPreemptively(Duration.ofSeconds(30), reloader::awaitFirstLoad,
                    "the first load is done while the subscription is still on its way");
            assertThat(catalog.find("gitlab")).isEmpty();

            projection.subscribed.countDown();
            Await.until("the version published before the subscription took effect is applied",
                    Duration.ofSeconds(30), () -> catalog.find("gitlab").isPresent());
        }
    }

    private SourceCatalog catalog() throws Exception {
        ReceiverSource falco = builder.build(SourceDefinition.builtin(SourceType.FALCO), AuthSettings.unconfigured(),
                null, null);
        return new SourceCatalog(Map.of("falco", falco), new SourceGauges(
                new ObservedEvents(new SimpleMeterRegistry(), Clock.systemUTC(), new EventTypeLabels(1))));
    }

    /**
     * Answers the first version until its subscription, which waits for the test, has taken effect, and the second
     * after: the second was published while the subscription was on its way, so its notice reached no one.
     */
    private static final class SubscribesSlowly implements ConfigProjection {

        final CountDownLatch subscribed = new CountDownLatch(1);
        private final ProjectedConfig before;
        private final ProjectedConfig after;

        SubscribesSlowly(ProjectedConfig before, ProjectedConfig after) {
            this.before = before;
            this.after = after;
        }

        @Override
        public ProjectedConfig read() {
            return subscribed.getCount() == 0 ? after : before;
        }

        @Override
        public long publish(Map<String, IngesterSpec> sources) {
            throw new UnsupportedOperationException("the reloader only reads");
        }

        @Override
        public AutoCloseable listen(Runnable onChange) {
            try {
                subscribed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return () -> { };
        }
    }

    /** Always the same document; counts the first read down. */
    private static final class ReadOnce implements ConfigProjection {

        final CountDownLatch read = new CountDownLatch(1);
        private final ProjectedConfig config;

        ReadOnce(ProjectedConfig config) {
            this.config = config;
        }

        @Override
        public ProjectedConfig read() {
            read.countDown();
            return config;
        }

        @Override
        public long publish(Map<String, IngesterSpec> sources) {
            throw new UnsupportedOperationException("the reloader only reads");
        }

        @Override
        public AutoCloseable listen(Runnable onChange) {
            return () -> { };
        }
    }
}
