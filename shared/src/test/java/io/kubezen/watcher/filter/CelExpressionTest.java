package io.kubezen.watcher.filter;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static io.kubezen.watcher.filter.ObservationFilterTest.NODE_EVENT;
import static io.kubezen.watcher.filter.ObservationFilterTest.SHELL_IN_PROD;
import static org.assertj.core.api.Assertions.assertThat;

class CelExpressionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "observation.severity == 'high' => true",
            "observation.severity == 'critical' || observation.resource.namespace.startsWith('prod') => true",
            "observation.resource.kind == 'Pod' && observation.resource.name.matches('^web-[0-9]+$') => true",
            "observation.details.count > 2 => true",
            "observation.details.hostname == 'worker-1' && observation.rule.contains('shell') => true",
            "observation.labels['team'] == 'payments' => true",
            "observation.category == 'security' && observation.eventType.endsWith('_container') => true",
            "'raw' in observation.details => false",
            "observation.description == '' => true",
            "observation.source != 'falco' => false"})
    void evaluatesOverTheObservationView(String expression, boolean kept) {
        FilterDecision decision = compile(expression).decide(SHELL_IN_PROD);

        assertThat(decision).isEqualTo(kept ? FilterDecision.KEEP : FilterDecision.drop(FilterReason.EXPRESSION));
    }

    @Test
    void missingStringsAreEmptySoPrefixChecksWorkWithoutANamespace() {
        assertThat(compile("observation.resource.namespace.startsWith('prod')").decide(NODE_EVENT))
                .isEqualTo(FilterDecision.drop(FilterReason.EXPRESSION));
    }

    @Test
    void anEvaluationErrorKeepsTheEventAndSaysWhy() {
        FilterDecision decision = compile("observation.details.missing == 'x'").decide(SHELL_IN_PROD);

        assertThat(decision.kept()).isTrue();
        assertThat(decision.reason()).isEqualTo(FilterReason.EXPRESSION);
        assertThat(decision.error()).contains("missing");
    }

    @Test
    void aBadExpressionIsAConfigErrorNamingTheFieldAndTheCelError() {
        ConfigErrors errors = new ConfigErrors();

        assertThat(CelExpression.compile("foo == 1", errors)).isNull();

        assertThat(errors.list()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("spec.filter.expression");
            assertThat(error.message()).isEqualTo("1:1: undeclared reference to 'foo' (in container '')");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"observation.severity ==", "1 + 2", "'high'", "observation.nope("})
    void syntaxErrorsAndNonBooleanResultsAreRejected(String expression) {
        ConfigErrors errors = new ConfigErrors();

        CelExpression.compile(expression, errors);

        assertThat(errors.list()).extracting(ConfigError::field).containsExactly("spec.filter.expression");
    }

    @Test
    void aDynamicValueThatIsNoBoolKeepsTheEvent() {
        FilterDecision decision = compile("observation.severity").decide(SHELL_IN_PROD);

        assertThat(decision).isEqualTo(FilterDecision.keptOnError("expression did not yield a bool: high"));
    }

    @Test
    void seesNumbersOfEveryJavaTypeAsCelNumbers() {
        Observation observation = ObservationFilterTest.observation(Severity.INFO, "prod", "Pod", "x",
                Category.COST, "rule");

        assertThat(compile("observation.details.count == 3").decide(observation)).isEqualTo(FilterDecision.KEEP);
        assertThat(CelValues.value(new BigInteger("123456789012345678901234567890"))).isInstanceOf(Double.class);
        assertThat(CelValues.value(new BigDecimal("1.5"))).isEqualTo(1.5);
        assertThat(CelValues.value(7)).isEqualTo(7L);
    }

    private static CelExpression compile(String expression) {
        ConfigErrors errors = new ConfigErrors();
        CelExpression compiled = CelExpression.compile(expression, errors);
        assertThat(errors.list()).isEmpty();
        return compiled;
    }
}
