package io.kubezen.watcher.controller.projection;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.memory.InMemoryTrafficCounter;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.projection.memory.InMemoryConfigProjection;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One pass at a time, with the traffic counters in memory and a settable clock. */
class LastEventsTest {

    private static final Gson GSON = new Gson();
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, V1alpha1Ingester> cache = new HashMap<>();
    private final InMemoryConfigProjection projection = new InMemoryConfigProjection();
    private final InMemoryTrafficCounter traffic = new InMemoryTrafficCounter(clock, TrafficBuckets.DEFAULT_RETENTION);
    private final List<String> written = new ArrayList<>();
    private final LastEvents lastEvents = new LastEvents(new MapLookup(), projection, traffic, new RecordingStatuses(),
            clock);

    @BeforeEach
    void serveGithub() {
        put("github", "github", null);
        projection.publish(Map.of("zen/github", SpecJson.convert(Map.of("source", "github", "type", "webhook"))));
    }

    @Test
    void writesTheBucketOfTheLastEventsOnlyWhenItMoved() {
        clock.advance(Duration.ofSeconds(3));
        traffic.add("github", 2);
        clock.advance(Duration.ofSeconds(30));

        lastEvents.run();
        clock.advance(Duration.ofSeconds(30));
        lastEvents.run();

        assertThat(written).containsExactly("zen/github=" + T0);

        traffic.add("github", 1);
        clock.advance(Duration.ofSeconds(30));
        lastEvents.run();

        assertThat(written).containsExactly("zen/github=" + T0, "zen/github=" + T0.plusSeconds(60));
    }

    @Test
    void aNewLeaderWritesNothingTheStatusAlreadySays() {
        traffic.add("github", 2);
        put("github", "github", T0);
        clock.advance(Duration.ofSeconds(30));

        lastEvents.run();

        assertThat(written).isEmpty();
    }

    @Test
    void theSourceIsTheOneServedNotTheOneOfAnInvalidEdit() {
        put("github", "github-renamed", null);
        put("never-valid", "acme", null);
        traffic.add("github", 1);
        traffic.add("acme", 1);
        traffic.add("github-renamed", 1);
        clock.advance(Duration.ofSeconds(30));

        lastEvents.run();

        assertThat(written).containsExactly("zen/github=" + T0);
    }

    private void put(String name, String source, Instant lastEventAt) {
        Map<String, Object> statusJson = lastEventAt == null ? Map.of() : Map.of("lastEventAt", lastEventAt.toString());
        cache.put("zen/" + name, new V1alpha1Ingester(new V1ObjectMeta().namespace("zen").name(name).generation(1L),
                GSON.toJsonTree(Map.of("source", source, "type", "webhook")).getAsJsonObject(),
                GSON.toJsonTree(statusJson).getAsJsonObject()));
    }

    private final class RecordingStatuses implements StatusWriter {

        @Override
        public void write(String namespace, String name, IngesterStatus status) {
            throw new AssertionError("only lastEventAt is written here");
        }

        @Override
        public void writeLastEventAt(String namespace, String name, Instant lastEventAt) {
            written.add(namespace + "/" + name + "=" + lastEventAt);
        }
    }

    private final class MapLookup implements IngesterLookup {

        @Override
        public Optional<V1alpha1Ingester> get(String key) {
            return Optional.ofNullable(cache.get(key));
        }

        @Override
        public Set<String> keys() {
            return Set.copyOf(cache.keySet());
        }
    }
}
