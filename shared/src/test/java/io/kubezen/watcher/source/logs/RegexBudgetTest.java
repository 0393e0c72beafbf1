package io.kubezen.watcher.source.logs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RegexBudgetTest {

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("literal", "ERROR", 5L),
                Arguments.of("class and escape count once", "[a-z]+\\d\\p{Greek}", 3L),
                Arguments.of("counted repeat unrolls", "a{10}", 10L),
                Arguments.of("open repeat unrolls one more", "a{3,}", 4L),
                Arguments.of("range takes its maximum", "a{2,5}", 5L),
                Arguments.of("group repeats its whole body", "(?P<x>ab){3}c", 7L),
                Arguments.of("nested repeats multiply", "(a{10}){10}", 100L),
                Arguments.of("flags are no atom", "(?i)ab", 2L),
                Arguments.of("braces that are no repeat are literals", "a{x}", 4L),
                Arguments.of("unbalanced parenthesis does not fail the estimate", "(a", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void countsUnrolledAtoms(String name, String regex, long atoms) {
        assertThat(RegexBudget.atoms(regex)).isEqualTo(atoms);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatWouldBuildAHugeProgram(String name, String regex, String problem) {
        assertThat(RegexBudget.problem(regex)).contains(problem);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("nested thousands", "((a{1000}){1000}){1000}", "more than 10000 atoms"),
                Arguments.of("class in nested repeats", "([a-z]{200}){200}", "more than 10000 atoms"),
                Arguments.of("too long", "a".repeat(RegexBudget.MAX_LENGTH + 1), "longer than 1024"));
    }
}
