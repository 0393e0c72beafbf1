package io.kubezen.watcher.source;

import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.source.falco.FalcoAdapter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceAdapterRegistryTest {

    @Test
    void findsEveryAdapterRegisteredAsAService() {
        SourceAdapterRegistry registry = SourceAdapterRegistry.load();

        assertThat(registry.types()).containsExactly(SourceType.FALCO, SourceType.K8S_AUDIT, SourceType.ALERTMANAGER,
                SourceType.CLOUDEVENTS, SourceType.WEBHOOK, SourceType.INFORMER, SourceType.LOGS);
        assertThat(registry.find(SourceType.FALCO)).get().isInstanceOf(FalcoAdapter.class);
    }

    @Test
    void refusesTwoAdaptersForOneType() {
        assertThatThrownBy(() -> new SourceAdapterRegistry(List.of(new FalcoAdapter(), new FalcoAdapter())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two source adapters for type 'falco'");
    }
}
