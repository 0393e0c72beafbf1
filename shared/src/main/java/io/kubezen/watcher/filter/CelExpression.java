package io.kubezen.watcher.filter;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.Observation;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A filter expression in CEL, type-checked and planned once when the source is loaded, then evaluated per
 * event. Compiler, runtime and program are immutable and shared by all request threads.
 */
final class CelExpression {

    static final String FIELD = "spec.filter.expression";
    private static final String VARIABLE = "observation";
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar(VARIABLE, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final CelRuntime.Program program;

    private CelExpression(CelRuntime.Program program) {
        this.program = program;
    }

    /** The compiled expression, or null after reporting why it does not compile under {@value #FIELD}. */
    static CelExpression compile(String expression, ConfigErrors errors) {
        try {
            return new CelExpression(RUNTIME.createProgram(COMPILER.compile(expression).getAst()));
        } catch (CelValidationException e) {
            // Issues render as "ERROR: <input>:1:5: message" plus a caret drawing; keep "1:5: message".
            errors.add(FIELD, e.getErrors().stream()
                    .map(issue -> firstLine(issue.toDisplayString(e.getSource())).replaceFirst("^ERROR: <input>:", ""))
                    .collect(Collectors.joining("; ")));
        } catch (CelEvaluationException e) {
            errors.add(FIELD, firstLine(e.getMessage()));
        }
        return null;
    }

    FilterDecision decide(Observation observation) {
        Object result;
        try {
            result = program.eval(Map.of(VARIABLE, CelValues.observation(observation)));
        } catch (CelEvaluationException | RuntimeException e) {
            return FilterDecision.keptOnError(firstLine(e.getMessage()));
        }
        if (!(result instanceof Boolean keep)) {
            return FilterDecision.keptOnError("expression did not yield a bool: " + result);
        }
        return keep ? FilterDecision.KEEP : FilterDecision.drop(FilterReason.EXPRESSION);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
