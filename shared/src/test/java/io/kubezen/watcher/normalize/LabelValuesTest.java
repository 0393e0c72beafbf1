package io.kubezen.watcher.normalize;

import io.kubezen.watcher.testing.generators.Texts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
    void longValuesKeepTheirBeginningAndEndInAHashOfTheWholeValue() {
        String value = "a".repeat(53) + "-b" + "c".repeat(20);

        assertThat(LabelValues.sanitize(value)).isEqualTo("a".repeat(53) + "-" + ShortNames.hash(value)).hasSize(62);
        assertThat(LabelValues.sanitize("x".repeat(100))).hasSize(LabelValues.MAX_LENGTH);
        assertThat(LabelValues.sanitize("x".repeat(LabelValues.MAX_LENGTH))).isEqualTo("x".repeat(LabelValues.MAX_LENGTH));
    }

    @Property(tries = 500)
    void everyResultIsAValidLabelValue(@ForAll("values") String value) {
        assertThat(LabelValues.sanitize(value)).hasSizeLessThanOrEqualTo(LabelValues.MAX_LENGTH)
                .matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    }

    @Property(tries = 300)
    void differentLongValuesStayDifferent(@ForAll("validLongValues") String first, @ForAll("validLongValues") String second) {
        Assume.that(!first.equals(second));

        assertThat(LabelValues.sanitize(first)).isNotEqualTo(LabelValues.sanitize(second));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Texts.any(), Texts.words(60, 200));
    }

    /** Valid label values but for their length, many sharing their first 63 characters. */
    @Provide
    Arbitrary<String> validLongValues() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("abcXYZ019-_.").ofMaxLength(40).map(t -> t + "z");
        return Arbitraries.oneOf(tail.map(t -> "a".repeat(LabelValues.MAX_LENGTH) + t),
                Arbitraries.strings().withChars("abcXYZ019-_.").ofMinLength(64).ofMaxLength(200).map(t -> "a" + t + "z"));
    }

    @Test
    void nothingValidBecomesTheEmptyValue() {
        assertThat(LabelValues.sanitize("---")).isEmpty();
        assertThat(LabelValues.sanitize(null)).isEmpty();
    }
}
