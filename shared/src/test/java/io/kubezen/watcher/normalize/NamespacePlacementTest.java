package io.kubezen.watcher.normalize;

import io.kubezen.watcher.config.DestinationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacePlacementTest {

    private static final String FALLBACK = "zen-system";

    @Test
    void placesNextToTheResourceOnlyInAllowedNamespaces() {
        NamespacePlacement placement = new NamespacePlacement(
                new DestinationSpec("zen-observations", List.of("prod-a", "prod-b")), FALLBACK);

        assertThat(placement.place("prod-a")).isEqualTo("prod-a");
        assertThat(placement.place("kube-system")).isEqualTo("zen-observations");
        assertThat(placement.place(null)).isEqualTo("zen-observations");
    }

    @Test
    void aStarAllowsEveryValidNamespace() {
        NamespacePlacement placement = new NamespacePlacement(new DestinationSpec("obs", List.of("*")), FALLBACK);

        assertThat(placement.place("anything")).isEqualTo("anything");
        assertThat(placement.place("Not_A_Namespace")).as("a payload cannot name an invalid namespace").isEqualTo("obs");
        assertThat(placement.place("a".repeat(64))).isEqualTo("obs");
    }

    @Test
    void withoutDestinationEverythingGoesToTheFallbackNeverToDefault() {
        assertThat(new NamespacePlacement(null, FALLBACK).place("prod")).isEqualTo(FALLBACK);
        assertThat(new NamespacePlacement(new DestinationSpec(null, null), FALLBACK).place("default")).isEqualTo(FALLBACK);
        assertThat(new NamespacePlacement(new DestinationSpec(" ", List.of()), FALLBACK).place(null)).isEqualTo(FALLBACK);
    }
}
