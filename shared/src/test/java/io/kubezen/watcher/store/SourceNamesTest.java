package io.kubezen.watcher.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceNamesTest {

    /** The rule as documented; {@link SourceNames#check} reads the characters itself and must agree with it. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Every allowed character, the forbidden ones a store key could trip on, and non-ASCII letters and digits. */
    private static final String ALPHABET = "aZ09._-:*?[]{}/ \u00e9\u0661\uff10\ud83d\ude00";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"falco", "k8s-audit", "Team.A_1", "0", "a-", "9.x"})
    void acceptsNames(String name) {
        assertThat(SourceNames.check(name)).isSameAs(name);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "-a", ".a", "_a", "a:b", "a*", "a{b}", "a b", "caf\u00e9", "\u0661", "a/b"})
    void refusesNames(String name) {
        assertThatThrownBy(() -> SourceNames.check(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> SourceNames.check(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithTheRuleOnGeneratedNames() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(6);
            for (int c = 0; c < length; c++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = name.toString();
            boolean valid = RULE.matcher(candidate).matches();
            if (valid) {
                assertThat(SourceNames.check(candidate)).as(candidate).isSameAs(candidate);
            } else {
                assertThatThrownBy(() -> SourceNames.check(candidate)).as(candidate)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
