package io.kubezen.watcher.source.falco;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FalcoPrioritiesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Emergency, critical", "Alert, critical", "Critical, critical", "Error, high", "Warning, medium",
            "Notice, low", "Informational, info", "Debug, info", "INFORMATIONAL, info", "info, info"})
    void mapsEachOfFalcosEightPriorities(String priority, String severity) {
        assertThat(FalcoPriorities.severityWord(priority)).isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0} passes through")
    @CsvSource({"Panic", "high"})
    void leavesOtherWordsToTheSharedSynonyms(String priority) {
        assertThat(FalcoPriorities.severityWord(priority)).isEqualTo(priority);
    }
}
