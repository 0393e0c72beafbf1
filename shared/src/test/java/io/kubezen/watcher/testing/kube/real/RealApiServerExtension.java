package io.kubezen.watcher.testing.kube.real;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Injects {@link RealApiServer#shared()}, starting it before the class's first test. Where the binaries are not
 * built (and the tier is not required), the class is reported skipped with the reason; where the tier is
 * required, the start fails the class instead.
 */
public final class RealApiServerExtension implements ExecutionCondition, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            RealApiServer.shared();
            return ConditionEvaluationResult.enabled("a real kube-apiserver is running");
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealApiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return RealApiServer.shared();
    }
}
