package io.kubezen.watcher.ingester.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of dead letters, oldest first; pass {@code next} back as {@code cursor}, null after the last page. */
@Serdeable
record DeadLetterPageView(List<DeadLetterView> items, @Nullable String next) {
}
