package io.kubezen.watcher.controller.admin;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The cleanup endpoint's answer.
 *
 * @param matched Observations the filters selected
 * @param deleted of those, the ones deleted now (0 on a dry run; fewer when some were gone already)
 * @param sample  up to ten of the matched ones, as {@code namespace/name}
 */
@Serdeable
public record CleanupReport(boolean dryRun, long matched, long deleted, List<String> sample) {
}
