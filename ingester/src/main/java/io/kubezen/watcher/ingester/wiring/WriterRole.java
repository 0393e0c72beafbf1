package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** Beans of the writer role: {@code @Requires(condition = WriterRole.class)}. */
public final class WriterRole implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return Role.WRITER.isEnabled(context);
    }
}
