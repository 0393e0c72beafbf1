package io.kubezen.watcher.testing.kube;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "fe");

    @ParameterizedTest(name = "[{0}] matches app=web,tier=fe: {1}")
    @CsvSource(delimiter = '|', value = {
            "''                      | true",
            "app=web                 | true",
            "app==web                | true",
            "app=db                  | false",
            "app!=db                 | true",
            "owner!=me               | true",
            "app in (web, db)        | true",
            "app in (db)             | false",
            "app notin (db)          | true",
            "owner notin (me)        | true",
            "app notin (web,db)      | false",
            "tier                    | true",
            "owner                   | false",
            "!owner                  | true",
            "!tier                   | false",
            "app=web,tier in (fe,be) | true",
            "app=web, tier=be        | false",
            "app=                    | false"})
    void matchesLikeKubernetes(String selector, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(WEB)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app in (web", "=web", "app in web)"})
    void malformedSelectorsAreBadRequests(String selector) {
        ApiError error = catchThrowableOfType(ApiError.class, () -> LabelSelector.parse(selector));

        assertThat(error.code()).isEqualTo(400);
        assertThat(error.getMessage()).startsWith("unable to parse requirement");
    }
}
