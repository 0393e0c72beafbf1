package io.kubezen.watcher.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrayMapTest {

    @Test
    void keepsTheGivenOrderAndEqualsAnyMapWithTheSameEntries() throws Exception {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("zeta", 1L);
        source.put("alpha", null);
        source.put("mid", Map.of("x", "y"));

        ArrayMap copy = ArrayMap.copyOf(source);

        assertThat(copy.keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(copy.values()).containsExactly(1L, null, Map.of("x", "y"));
        assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
        assertThat(copy.get("alpha")).isNull();
        assertThat(copy.containsKey("alpha")).isTrue();
        assertThat(copy.containsKey("other")).isFalse();
        assertThat(new ObjectMapper().writeValueAsString(copy))
                .isEqualTo(new ObjectMapper().writeValueAsString(source))
                .isEqualTo("{\"zeta\":1,\"alpha\":null,\"mid\":{\"x\":\"y\"}}");
    }

    @Test
    void isUnmodifiable() {
        ArrayMap map = ArrayMap.builder(1).add("a", "b").build();

        assertThatThrownBy(() -> map.put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCopyOfACopyIsTheSameMap() {
        ArrayMap map = ArrayMap.builder(1).add("a", "b").build();

        assertThat(ArrayMap.copyOf(map)).isSameAs(map);
    }

    @Test
    void theBuilderTakesExactlyTheAnnouncedEntries() {
        assertThatThrownBy(() -> ArrayMap.builder(2).add("a", 1).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ArrayMap.builder(1).add(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(ArrayMap.builder(0).build()).isEmpty();
    }
}
