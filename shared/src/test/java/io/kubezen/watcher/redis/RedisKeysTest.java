package io.kubezen.watcher.redis;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX, 8);

    @Test
    void layoutIsTheOneDocumentedForOperators() {
        assertThat(keys.dedupRecord("falco", "3f2a")).isEqualTo("zw:{s" + keys.shard("falco", "3f2a") + "}:dedup:falco:3f2a");
        assertThat(keys.dedupRecord(keys.shard("falco", "3f2a"), "falco", "3f2a"))
                .isEqualTo(keys.dedupRecord("falco", "3f2a"));
        assertThat(keys.dedupRecordPattern("kube-audit")).isEqualTo("zw:{s*}:dedup:kube-audit:*");
        assertThat(keys.dedupWindow("falco")).isEqualTo("zw:window:falco");
        assertThat(keys.dedupWindowChannel()).isEqualTo("zw:window-changed");
        assertThat(keys.traffic("falco", 1_735_689_600)).isEqualTo("zw:traffic:falco:1735689600");
        assertThat(keys.trafficPattern()).isEqualTo("zw:traffic:*");
        assertThat(keys.observationStream(3)).isEqualTo("zw:{s3}:observations");
        assertThat(keys.deadLetterStream(3)).isEqualTo("zw:{s3}:dead-letters");
        assertThat(keys.legacyObservationStream()).isEqualTo("zw:{stream}:observations");
        assertThat(keys.legacyDeadLetterStream()).isEqualTo("zw:{stream}:dead-letters");
    }

    @Test
    void trafficKeysNameTheirSource() {
        assertThat(keys.sourceOfTraffic(keys.traffic("kube-audit", 1_735_689_600))).isEqualTo("kube-audit");
        assertThatThrownBy(() -> keys.sourceOfTraffic("zw:window:falco")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.sourceOfTraffic("zw:traffic:1735689600")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventsRecordAndItsShardsStreamsShareAClusterSlotSoOneScriptCoversThem() {
        RedisKeys other = new RedisKeys("team-b:", 8);
        for (String fingerprint : List.of("3f2a", "9bc0", "fp-17")) {
            int shard = keys.shard("falco", fingerprint);
            int slot = SlotHash.getSlot(keys.observationStream(shard));

            assertThat(SlotHash.getSlot(keys.dedupRecord("falco", fingerprint))).isEqualTo(slot);
            assertThat(SlotHash.getSlot(keys.deadLetterStream(shard))).isEqualTo(slot);
            assertThat(SlotHash.getSlot(other.dedupRecord("falco", fingerprint)))
                    .isEqualTo(SlotHash.getSlot(other.observationStream(other.shard("falco", fingerprint))));
        }
        assertThat(SlotHash.getSlot(keys.legacyDeadLetterStream())).isEqualTo(SlotHash.getSlot(keys.legacyObservationStream()));
    }

    @Test
    void eventsSpreadEvenlyOverTheShardsAndStayInTheirShard() {
        int[] perShard = new int[keys.shards()];
        for (int i = 0; i < 8_000; i++) {
            perShard[keys.shard("kube-audit", Integer.toHexString(i * 7919))]++;
        }

        assertThat(IntStream.of(perShard).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(800, 1_200));
        assertThat(keys.shard("falco", "3f2a")).isEqualTo(keys.shard("falco", "3f2a"))
                .isEqualTo(new RedisKeys("other:", 8).shard("falco", "3f2a"));
        assertThat(new RedisKeys("zw:", 1).shard("falco", "3f2a")).isZero();
    }

    @Test
    void eightShardsLandOnEveryMasterOfAThreeMasterCluster() {
        // redis-cli --cluster create splits the slots into three equal ranges.
        assertThat(IntStream.range(0, 8).map(shard -> SlotHash.getSlot(keys.observationStream(shard)) * 3 / 16_384)
                .distinct().count()).isEqualTo(3);
    }

    @ParameterizedTest(name = "source \"{0}\" is refused")
    @ValueSource(strings = {"", "a:b", "fal*", "fa?co", "[x]", "{falco}", "with space", "-leading"})
    void sourcesThatWouldBreakKeysOrPatternsAreRefused(String source) {
        assertThatThrownBy(() -> keys.dedupRecord(source, "fp")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "prefix \"{0}\" is refused")
    @ValueSource(strings = {"zw*", "{zw}:", "z w:"})
    void prefixesThatWouldBreakScanPatternsAreRefused(String prefix) {
        assertThatThrownBy(() -> new RedisKeys(prefix, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
