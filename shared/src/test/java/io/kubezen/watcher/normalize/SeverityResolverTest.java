package io.kubezen.watcher.normalize;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityResolverTest {

    private static final String FIELD = "spec.mapping.severityMap";

    private final ConfigErrors errors = new ConfigErrors();
    private final SeverityResolver resolver = SeverityResolver.compile(
            Map.of("CRIT", "critical", "error", "critical", "P3", "low"), Severity.MEDIUM, FIELD, errors);

    @Test
    void consultsTheSourceMapBeforeTheSynonyms() {
        assertThat(resolver.resolve("CRIT").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(resolver.resolve("error").severity()).as("the map overrides the synonym 'high'")
                .isEqualTo(Severity.CRITICAL);
        assertThat(resolver.resolve("p3").severity()).as("map words also match ignoring case").isEqualTo(Severity.LOW);
        assertThat(resolver.resolve("warning").severity()).as("then the synonyms").isEqualTo(Severity.MEDIUM);
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void fallsBackToTheDefaultAndKeepsTheUnknownWord() {
        assertThat(resolver.resolve("sev-7")).isEqualTo(new SeverityResolver.Resolution(Severity.MEDIUM, "sev-7"));
    }

    @Test
    void aMissingWordIsTheDefaultWithNothingToRecord() {
        assertThat(resolver.resolve(null)).isEqualTo(new SeverityResolver.Resolution(Severity.MEDIUM, null));
        assertThat(resolver.resolve(" ")).isEqualTo(new SeverityResolver.Resolution(Severity.MEDIUM, null));
    }

    @Test
    void reportsMapValuesThatAreNotSeveritiesUnderTheirKey() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("CRIT", "critical");
        map.put("WARN", "warning");
        map.put("BAD", "severe");
        ConfigErrors found = new ConfigErrors();

        SeverityResolver.compile(map, Severity.INFO, FIELD, found);

        assertThat(found.list()).extracting(ConfigError::field)
                .containsExactly(FIELD + ".WARN", FIELD + ".BAD");
        assertThat(found.list().get(1).message()).contains("unknown severity 'severe'");
    }
}
