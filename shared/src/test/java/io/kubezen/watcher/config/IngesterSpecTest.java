package io.kubezen.watcher.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IngesterSpecTest {

    @ParameterizedTest
    @EnumSource(value = SourceType.class, names = {"INFORMER", "LOGS"}, mode = EnumSource.Mode.EXCLUDE)
    void builtinSourceIsNamedAfterItsTypeAndTakesUnauthenticatedWebhooks(SourceType type) {
        IngesterSpec spec = IngesterSpec.builtin(type);

        assertThat(spec.source()).isEqualTo(type.wireName());
        assertThat(spec.type()).isEqualTo(type);
        assertThat(spec.webhook().auth().mode()).isEqualTo(AuthMode.NONE);
        assertThat(spec.informer()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = SourceType.class, names = {"INFORMER", "LOGS"})
    void thereIsNoBuiltinSourceOfATypeTheControllerRuns(SourceType type) {
        assertThatIllegalArgumentException().isThrownBy(() -> IngesterSpec.builtin(type))
                .withMessageContaining(type.wireName());
    }
}
