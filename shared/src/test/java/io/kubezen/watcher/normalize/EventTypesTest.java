package io.kubezen.watcher.normalize;

import io.kubezen.watcher.testing.generators.Outcomes;
import io.kubezen.watcher.testing.generators.Texts;
import io.kubezen.watcher.testing.generators.Theories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
    void sanitizeKeepsTheWholeName() {
        assertThat(EventTypes.sanitize("Potential Local Privilege Escalation via Environment Variables Misuse"))
                .isEqualTo("potential_local_privilege_escalation_via_environment_variables_misuse");
        assertThat(EventTypes.sanitize("x".repeat(500))).hasSize(500);
    }

    @Test
    void longNamesKeepTheirBeginningAndEndInAHashOfTheWholeName() {
        assertThat(EventTypes.of("Potential Local Privilege Escalation via Environment Variables Misuse"))
                .isEqualTo("potential_local_privilege_escalation_via_environment_v_889377b6");
    }

    @Test
    void shortNamesStayAsTheyAre() {
        String longest = "a".repeat(EventTypes.MAX_LENGTH);

        assertThat(EventTypes.of(longest)).isEqualTo(longest);
        assertThat(EventTypes.of("Terminal shell in container")).isEqualTo("terminal_shell_in_container");
    }

    @Test
    void everyResultFitsTheCrdAndIsStable() {
        Theories.qt(300).forAll(names()).checkAssert(raw -> {
            String eventType = EventTypes.of(raw);

            assertThat(eventType).isNotNull().hasSizeLessThanOrEqualTo(EventTypes.MAX_LENGTH).matches("^[a-z0-9_]+$")
                    .doesNotStartWith("_").doesNotEndWith("_").doesNotContain("__");
            assertThat(EventTypes.of(eventType)).as("applying it again").isEqualTo(eventType);
        });
    }

    /** Pairs that sanitize alike are passed over rather than assumed away: see {@code Theories}. */
    @Test
    void differentLongNamesStayDifferent() {
        Outcomes outcomes = new Outcomes();
        Theories.qt(300).forAll(names(), names()).checkAssert((first, second) -> {
            if (EventTypes.sanitize(first).equals(EventTypes.sanitize(second))) {
                outcomes.count("alike");
                return;
            }
            assertThat(EventTypes.of(first)).isNotEqualTo(EventTypes.of(second));
            outcomes.count("checked");
        });
        outcomes.assertShareAtLeast("checked", 90);
    }

    /**
     * Names with something usable in them, many longer than an event type may be, many sharing a long beginning.
     * The few drawn with nothing usable get a letter.
     */
    private static Gen<String> names() {
        return Generate.oneOf(Texts.words(1, 300), Texts.words(1, 30).map(tail -> Texts.LONG_NAMES.get(0) + tail))
                .map(raw -> EventTypes.sanitize(raw) == null ? raw + "a" : raw);
    }

    @Test
    void nullStaysNull() {
        assertThat(EventTypes.sanitize(null)).isNull();
    }
}
