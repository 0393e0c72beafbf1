package io.kubezen.watcher.ingester.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of dedup records; pass {@code next} back as {@code cursor} for the next page, null after the last. */
@Serdeable
record DedupPageView(List<DedupRecordView> items, @Nullable String next) {
}
