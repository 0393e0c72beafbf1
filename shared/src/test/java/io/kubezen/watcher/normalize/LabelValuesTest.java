package io.kubezen.watcher.normalize;

import io.kubezen.watcher.testing.generators.Outcomes;
import io.kubezen.watcher.testing.generators.Texts;
import io.kubezen.watcher.testing.generators.Theories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
    void longValuesKeepTheirBeginningAndEndInAHashOfTheWholeValue() {
        String value = "a".repeat(53) + "-b" + "c".repeat(20);

        assertThat(LabelValues.sanitize(value)).isEqualTo("a".repeat(53) + "-" + ShortNames.hash(value)).hasSize(62);
        assertThat(LabelValues.sanitize("x".repeat(100))).hasSize(LabelValues.MAX_LENGTH);
        assertThat(LabelValues.sanitize("x".repeat(LabelValues.MAX_LENGTH))).isEqualTo("x".repeat(LabelValues.MAX_LENGTH));
    }

    @Test
    void everyResultIsAValidLabelValue() {
        Theories.qt(500).forAll(Generate.oneOf(Texts.any(), Texts.words(60, 200))).checkAssert(value ->
                assertThat(LabelValues.sanitize(value)).hasSizeLessThanOrEqualTo(LabelValues.MAX_LENGTH)
                        .matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"));
    }

    /** Equal pairs are passed over rather than assumed away: see {@code Theories}. */
    @Test
    void differentLongValuesStayDifferent() {
        Outcomes outcomes = new Outcomes();
        Theories.qt(300).forAll(validLongValues(), validLongValues()).checkAssert((first, second) -> {
            if (first.equals(second)) {
                outcomes.count("equal");
                return;
            }
            assertThat(LabelValues.sanitize(first)).isNotEqualTo(LabelValues.sanitize(second));
            outcomes.count("checked");
        });
        outcomes.assertShareAtLeast("checked", 90);
    }

    /** Valid label values but for their length, many sharing their first 63 characters. */
    private static Gen<String> validLongValues() {
        String characters = "abcXYZ019-_.";
        return Generate.oneOf(Texts.ofChars(characters, 0, 40).map(t -> "a".repeat(LabelValues.MAX_LENGTH) + t + "z"),
                Texts.ofChars(characters, 64, 200).map(t -> "a" + t + "z"));
    }

    @Test
    void nothingValidBecomesTheEmptyValue() {
        assertThat(LabelValues.sanitize("---")).isEmpty();
        assertThat(LabelValues.sanitize(null)).isEmpty();
    }
}
