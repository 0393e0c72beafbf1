package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** Beans of the receiver role: {@code @Requires(condition = ReceiverRole.class)}. */
public final class ReceiverRole implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return Role.RECEIVER.isEnabled(context);
    }
}
