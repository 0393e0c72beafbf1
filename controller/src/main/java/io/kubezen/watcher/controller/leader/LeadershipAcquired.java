package io.kubezen.watcher.controller.leader;

import java.time.Instant;

/** This process became leader; published before the duties start. */
public record LeadershipAcquired(String identity, Instant at) {
}
