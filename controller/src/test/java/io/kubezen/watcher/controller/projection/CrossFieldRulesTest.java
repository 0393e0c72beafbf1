package io.kubezen.watcher.controller.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.IngesterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CrossFieldRulesTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Map<String, Object> INFORMER = Map.of("version", "v1", "resource", "events");
    private static final Map<String, Object> LOGS = Map.of("patterns", List.of(
            Map.of("name", "error", "regex", "ERROR")));
    private static final Map<String, Object> REF = Map.of("secretRef", Map.of("name", "s", "key", "k"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("informer type without informer", Map.of("type", "informer"),
                        "spec.informer: is required for type informer"),
                Arguments.of("informer block on a webhook type", Map.of("type", "webhook", "informer", INFORMER),
                        "spec.informer: is only allowed for type informer"),
                Arguments.of("webhook block on an informer type",
                        Map.of("type", "informer", "informer", INFORMER, "webhook", Map.of()),
                        "spec.webhook: is not allowed for type informer"),
                Arguments.of("logs type without logs", Map.of("type", "logs"), "spec.logs: is required for type logs"),
                Arguments.of("logs block on a webhook type", Map.of("type", "webhook", "logs", LOGS),
                        "spec.logs: is only allowed for type logs"),
                Arguments.of("webhook block on a logs type", Map.of("type", "logs", "logs", LOGS, "webhook", Map.of()),
                        "spec.webhook: is not allowed for type logs"),
                Arguments.of("mode without its section", auth(Map.of("mode", "bearer")),
                        "spec.webhook.auth.bearer: is required when spec.webhook.auth.mode is bearer"),
                Arguments.of("section of another mode", auth(Map.of("mode", "bearer", "bearer", REF, "hmac", REF)),
                        "spec.webhook.auth.hmac: is set but spec.webhook.auth.mode is bearer"),
                Arguments.of("auth without mode", auth(Map.of("bearer", REF)), "spec.webhook.auth.mode: is required"),
                Arguments.of("basic username with a colon",
                        auth(Map.of("mode", "basic", "basic", Map.of("username", "a:b", "secretRef", REF.get("secretRef")))),
                        "spec.webhook.auth.basic.username: is required and may not contain ':'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenRuleNamesItsField(String name, Map<String, Object> spec, String error) {
        Map<String, Object> full = new HashMap<>(spec);
        full.put("source", "s");
        ConfigErrors errors = new ConfigErrors();

        CrossFieldRules.check(JSON.convertValue(full, IngesterSpec.class), errors);

        assertThat(errors.list()).extracting(ConfigError::toString).containsExactly(error);
    }

    private static Map<String, Object> auth(Map<String, Object> auth) {
        return Map.of("type", "webhook", "webhook", Map.of("auth", auth));
    }
}
