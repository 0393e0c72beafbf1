package io.kubezen.watcher.ingester.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Which dead letters to put back on the queue: the given ids, or every one when {@code all} is true. */
@Serdeable
record ReplayRequest(@Nullable List<String> ids, @Nullable Boolean all) {
}
