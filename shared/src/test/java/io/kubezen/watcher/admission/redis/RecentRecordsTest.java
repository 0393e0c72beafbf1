package io.kubezen.watcher.admission.redis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentRecordsTest {

    @Test
    void aRecordIsInItsWindowUntilTheWindowEnds() {
        RecentRecords recent = new RecentRecords(16);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 1_000);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 999)).isTrue();
        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 1_000)).isFalse();
        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-2", 0)).isFalse();
    }

    @Test
    void theLatestWindowEndCountsEvenWhenItIsEarlier() {
        RecentRecords recent = new RecentRecords(16);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 1_000);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 500);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 600)).isFalse();
    }

    /** With one set of two, a third key takes the place of the one whose window ends first. */
    @Test
    void aNewKeyTakesThePlaceOfTheWindowThatEndsFirst() {
        RecentRecords recent = new RecentRecords(2);
        recent.remember("zw:{s1}:dedup:falco:fp-1", 2_000);
        recent.remember("zw:{s2}:dedup:falco:fp-2", 1_000);
        recent.remember("zw:{s3}:dedup:falco:fp-3", 3_000);

        assertThat(recent.inWindow("zw:{s1}:dedup:falco:fp-1", 0)).isTrue();
        assertThat(recent.inWindow("zw:{s2}:dedup:falco:fp-2", 0)).isFalse();
        assertThat(recent.inWindow("zw:{s3}:dedup:falco:fp-3", 0)).isTrue();
    }

    /**
     * The store's size, against twice the benchmarks' working set (their repeats are drawn from the last 10,000 new
     * events): 120,000 records seen one after the other, and a repeat of any of the last 20,000 goes without its
     * Observation only if the hint still holds it. 65,536 direct-mapped slots kept 86 % of them.
     */
    @Test
    void theStoresHintKeepsNearlyAllOfTheLastTwentyThousandRecords() {
        RecentRecords recent = new RecentRecords(RedisAdmissionStore.RECENT_RECORDS);
        for (int i = 0; i < 120_000; i++) {
            recent.remember("zw:{s" + i % 8 + "}:dedup:k8s-audit:" + fingerprint(i), 1_000 + i);
        }

        long kept = 0;
        for (int i = 100_000; i < 120_000; i++) {
            if (recent.inWindow("zw:{s" + i % 8 + "}:dedup:k8s-audit:" + fingerprint(i), 0)) {
                kept++;
            }
        }
        assertThat(kept).isGreaterThan(19_800);
    }

    @Test
    void theRecordCountIsAPowerOfTwoOfAtLeastOneSet() {
        assertThatThrownBy(() -> new RecentRecords(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RecentRecords(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentRecords(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A fingerprint as the pipeline makes one: the hex of a SHA-256. */
    private static String fingerprint(int i) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
