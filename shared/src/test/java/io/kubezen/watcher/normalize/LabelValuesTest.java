package io.kubezen.watcher.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelValuesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "falco | falco",
            "k8s-audit | k8s-audit",
            "firing | firing",
            "my source/with spaces | my-source-with-spaces",
            "-_.leading.and.trailing._- | leading.and.trailing",
            "Mixed_Case.1 | Mixed_Case.1"})
    void keepsValidValuesAndRepairsOthers(String value, String expected) {
        assertThat(LabelValues.sanitize(value)).isEqualTo(expected);
    }

    @Test
    void cutsAt63AndNeverEndsOnASeparator() {
        String value = "a".repeat(62) + "-b";

        assertThat(LabelValues.sanitize(value)).isEqualTo("a".repeat(62));
        assertThat(LabelValues.sanitize("x".repeat(100))).hasSize(LabelValues.MAX_LENGTH);
    }

    @Test
    void nothingValidBecomesTheEmptyValue() {
        assertThat(LabelValues.sanitize("---")).isEmpty();
        assertThat(LabelValues.sanitize(null)).isEmpty();
    }
}
