package io.kubezen.watcher.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesNamesTest {

    /** The rule as the API server states it; {@link KubernetesNames#isDnsLabel} must agree with it. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final String ALPHABET = "az09-A._ \u00e9";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "0", "prod", "kube-system", "a-b-9", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsLabels(String label) {
        assertThat(KubernetesNames.isDnsLabel(label)).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "-a", "a-", "Prod", "a.b", "a_b", "a b", "caf\u00e9",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesOtherNames(String name) {
        assertThat(KubernetesNames.isDnsLabel(name)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(KubernetesNames.isDnsLabel(null)).isFalse();
    }

    @Test
    void agreesWithTheRuleOnGeneratedNames() {
        Random random = new Random(1123);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = i % 10 == 0 ? 60 + random.nextInt(6) : random.nextInt(6);
            for (int c = 0; c < length; c++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = name.toString();
            assertThat(KubernetesNames.isDnsLabel(candidate)).as(candidate)
                    .isEqualTo(DNS_LABEL.matcher(candidate).matches());
        }
    }
}
