package io.kubezen.watcher.fingerprint;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPathTest {

    private static final ObservationSpec SPEC = spec();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "eventType => terminal_shell",
            "spec.eventType => terminal_shell",
            "severity => high",
            "category => security",
            "rule => Terminal shell",
            "resource.namespace => prod",
            "details.hostname => worker-1",
            "details.output_fields[\"proc.cmdline\"] => bash -il",
            "details.output_fields['proc.cmdline'] => bash -il",
            "details.tags.1 => shell",
            "detectedAt => 2024-05-01T10:00:00Z"})
    void resolvesValues(String path, String expected) {
        assertThat(FieldPath.parse(path).resolve(SPEC)).isEqualTo(expected);
    }

    @Test
    void resolvesObjectsAndTellsAbsenceApart() {
        assertThat(FieldPath.parse("resource").resolve(SPEC)).isEqualTo(Map.of("kind", "Pod", "namespace", "prod"));
        assertThat(FieldPath.parse("details").resolve(SPEC)).as("details alone leave raw out")
                .asInstanceOf(InstanceOfAssertFactories.MAP).doesNotContainKey("raw").containsKey("hostname");
        assertThat(FieldPath.parse("details.raw").resolve(SPEC)).isEqualTo(Map.of("time", "now"));
        assertThat(FieldPath.parse("details.nope").resolve(SPEC)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.parse("details.tags.7").resolve(SPEC)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.parse("details.hostname.deeper").resolve(SPEC)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.parse("title").resolve(SPEC)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.parse("resource.name").resolve(SPEC)).isSameAs(FieldPath.ABSENT);
    }

    @Test
    void printsInCanonicalForm() {
        assertThat(FieldPath.parse("spec.details.output_fields['proc.cmdline']"))
                .hasToString("details.output_fields[\"proc.cmdline\"]");
        assertThat(FieldPath.parse(" spec.resource.namespace ")).hasToString("resource.namespace");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "hostname => unknown field 'hostname'",
            "severity.word => 'severity' is a single value",
            "resource.uid => resource has only apiVersion, kind, name and namespace",
            "details..x => empty segment",
            "details. => is not a field path",
            "`` => is not a field path",
            "details[proc.cmdline] => write bracketed keys as",
            "details[\"a.b\"]x => needs a '.'",
            "details[\"unclosed => write bracketed keys as"})
    void rejectsBadPathsWithAReason(String path, String reason) {
        assertThatThrownBy(() -> FieldPath.parse(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    private static ObservationSpec spec() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", "Terminal shell");
        details.put("hostname", "worker-1");
        details.put("tags", List.of("container", "shell"));
        details.put("output_fields", Map.of("proc.cmdline", "bash -il"));
        details.put("raw", Map.of("time", "now"));
        return new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "terminal_shell",
                new ResourceRef(null, "Pod", null, "prod"), null, null, details,
                Instant.parse("2024-05-01T10:00:00Z"), null, null);
    }
}
