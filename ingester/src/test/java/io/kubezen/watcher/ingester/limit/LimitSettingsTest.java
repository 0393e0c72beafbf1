package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.config.LimitsSpec;
import io.kubezen.watcher.config.SourceType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitSettingsTest {

    private static final long MIB = LimitSettings.MIB;

    @Test
    void defaultsAreOneMebibyteAndTwelveForTheAuditWebhookWithoutRateLimit() {
        assertThat(LimitSettings.of(SourceType.FALCO, null))
                .isEqualTo(new LimitSettings(MIB, 8 * MIB, Optional.empty()));
        assertThat(LimitSettings.of(SourceType.K8S_AUDIT, null))
                .isEqualTo(new LimitSettings(12 * MIB, 12 * MIB, Optional.empty()));
    }

    @Test
    void aRateWithoutBurstAllowsOneSecondOfIt() {
        LimitSettings settings = LimitSettings.of(SourceType.WEBHOOK, new LimitsSpec(2 * MIB, null, null, 2.5, null));

        assertThat(settings.maxBodyBytes()).isEqualTo(2 * MIB);
        assertThat(settings.rateLimit()).contains(new RateLimitSettings(2.5, 3));
    }

    @Test
    void aZeroBodyLimitNamesTheKey() {
        assertThatThrownBy(() -> LimitSettings.of(SourceType.WEBHOOK, new LimitsSpec(0L, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook.limits.maxBodyBytes");
    }
}
