package io.kubezen.watcher.redis;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX);

    @Test
    void layoutIsTheOneDocumentedForOperators() {
        assertThat(keys.dedupRecord("falco", "3f2a")).isEqualTo("zw:dedup:falco:3f2a");
        assertThat(keys.dedupRecordPattern("kube-audit")).isEqualTo("zw:dedup:kube-audit:*");
        assertThat(keys.dedupWindow("falco")).isEqualTo("zw:window:falco");
        assertThat(keys.dedupWindowChannel()).isEqualTo("zw:window-changed");
        assertThat(keys.traffic("falco", 1_735_689_600)).isEqualTo("zw:traffic:falco:1735689600");
        assertThat(keys.trafficPattern()).isEqualTo("zw:traffic:*");
        assertThat(keys.observationStream()).isEqualTo("zw:{stream}:observations");
        assertThat(keys.deadLetterStream()).isEqualTo("zw:{stream}:dead-letters");
    }

    @Test
    void trafficKeysNameTheirSource() {
        assertThat(keys.sourceOfTraffic(keys.traffic("kube-audit", 1_735_689_600))).isEqualTo("kube-audit");
        assertThatThrownBy(() -> keys.sourceOfTraffic("zw:window:falco")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.sourceOfTraffic("zw:traffic:1735689600")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysCarryNoHashTagsSoClusterSpreadsThem() {
        assertThat(keys.dedupRecord("falco", "3f2a")).doesNotContain("{", "}");
    }

    @Test
    void theTwoStreamsShareAClusterSlotSoOneScriptCanMoveEntriesBetweenThem() {
        RedisKeys other = new RedisKeys("team-b:");

        assertThat(SlotHash.getSlot(keys.deadLetterStream())).isEqualTo(SlotHash.getSlot(keys.observationStream()));
        assertThat(SlotHash.getSlot(other.deadLetterStream())).isEqualTo(SlotHash.getSlot(other.observationStream()));
    }

    @ParameterizedTest(name = "source \"{0}\" is refused")
    @ValueSource(strings = {"", "a:b", "fal*", "fa?co", "[x]", "{falco}", "with space", "-leading"})
    void sourcesThatWouldBreakKeysOrPatternsAreRefused(String source) {
        assertThatThrownBy(() -> keys.dedupRecord(source, "fp")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "prefix \"{0}\" is refused")
    @ValueSource(strings = {"zw*", "{zw}:", "z w:"})
    void prefixesThatWouldBreakScanPatternsAreRefused(String prefix) {
        assertThatThrownBy(() -> new RedisKeys(prefix)).isInstanceOf(IllegalArgumentException.class);
    }
}
