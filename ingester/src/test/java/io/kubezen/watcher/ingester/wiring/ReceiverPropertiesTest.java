package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.limit.InFlightBudget;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiverPropertiesTest {

    private static final long HEAP = 384L * 1024 * 1024;

    @Test
    void withoutASettingTheInFlightBoundFollowsTheHeap() {
        ReceiverProperties properties = bind(Map.of());

        assertThat(properties.maxInFlightBytes()).isNull();
        assertThat(properties.inFlightBound(HEAP)).isEqualTo(InFlightBudget.defaultMaxBytes(HEAP)).isEqualTo(512 * 1024);
    }

    @Test
    void aSettingWinsOverTheHeap() {
        ReceiverProperties properties = bind(Map.of("zen-watcher.receiver.max-in-flight-bytes", "2097152"));

        assertThat(properties.inFlightBound(HEAP)).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aBoundBelow64KibibytesFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("zen-watcher.receiver.max-in-flight-bytes", "4096")))
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("maxInFlightBytes");
    }

    private static ReceiverProperties bind(Map<String, Object> properties) {
        // Without environment deduction, so the test environment's own settings do not hide the defaults.
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(properties).start()) {
            return context.getBean(ReceiverProperties.class);
        }
    }
}
