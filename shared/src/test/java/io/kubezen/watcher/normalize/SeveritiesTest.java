package io.kubezen.watcher.normalize;

import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeveritiesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "critical, CRITICAL", "fatal, CRITICAL", "emergency, CRITICAL",
            "high, HIGH", "error, HIGH", "alert, HIGH",
            "medium, MEDIUM", "warning, MEDIUM", "warn, MEDIUM",
            "low, LOW", "notice, LOW", "informational, LOW",
            "info, INFO", "debug, INFO", "none, INFO",
            "CRITICAL, CRITICAL", "Warning, MEDIUM", "'  Error ', HIGH", "DeBuG, INFO"})
    void mapsEverySynonymIgnoringCaseAndBlanks(String word, Severity expected) {
        assertThat(Severities.synonym(word)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is unknown")
    @ValueSource(strings = {"", "severe", "p1", "crit", "critical!"})
    void knowsNothingElse(String word) {
        assertThat(Severities.synonym(word)).isEmpty();
    }

    @Test
    void nullIsUnknown() {
        assertThat(Severities.synonym(null)).isEmpty();
    }
}
