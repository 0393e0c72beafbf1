package io.kubezen.watcher.bench.bare;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibraryFloorTest {

    @Test
    void takesAnEventThroughTheTreeAndTheRegistry() throws Exception {
        LibraryFloor floor = LibraryFloor.start(Set.of("json", "metrics"), null);

        assertThat(floor.accept("{\"rule\":\"Terminal shell in container\"}".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture().get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void refusesWhatItWouldNotReadAsJson() {
        LibraryFloor floor = LibraryFloor.start(Set.of("json"), null);

        assertThatThrownBy(() -> floor.accept("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void namesThePartsItKnows() {
        assertThatThrownBy(() -> LibraryFloor.start(Set.of("json", "kafka"), null))
                .hasMessageContaining("kafka").hasMessageContaining("redis");
        assertThatThrownBy(() -> LibraryFloor.start(Set.of("redis"), null))
                .hasMessageContaining("ZEN_WATCHER_REDIS_URI");
    }
}
