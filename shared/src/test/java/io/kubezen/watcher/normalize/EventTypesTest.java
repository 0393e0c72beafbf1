package io.kubezen.watcher.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Terminal shell in container | terminal_shell_in_container",
            "com.github.pull_request.opened | com_github_pull_request_opened",
            "KubePodCrashLooping | kube_pod_crash_looping",
            "HTTPServerErrors | http_server_errors",
            "k8sAudit | k8s_audit",
            "already_snake_case | already_snake_case",
            "  --Leading and trailing!!  | leading_and_trailing",
            "a...b___c   d | a_b_c_d",
            "UPPER CASE | upper_case",
            "café crème | caf_cr_me",
            "CVE-2024-3094 | cve_2024_3094"})
    void sanitizesToLowerSnakeCase(String raw, String expected) {
        assertThat(EventTypes.sanitize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" has nothing usable")
    @ValueSource(strings = {"", "   ", "!!!", "___", "日本語"})
    void returnsNullWhenNothingIsLeft(String raw) {
        assertThat(EventTypes.sanitize(raw)).isNull();
    }

    @Test
    void cutsAtTheMaximumLengthWithoutATrailingUnderscore() {
        String sanitized = EventTypes.sanitize("word ".repeat(100));

        assertThat(sanitized).hasSizeLessThanOrEqualTo(EventTypes.MAX_LENGTH).matches("[a-z0-9_]+").doesNotEndWith("_");
        assertThat(EventTypes.sanitize("x".repeat(500))).hasSize(EventTypes.MAX_LENGTH);
    }

    @Test
    void nullStaysNull() {
        assertThat(EventTypes.sanitize(null)).isNull();
    }
}
