package io.kubezen.watcher.controller.leader;

import java.time.Instant;

/** This process stopped leading (lease not renewed in time, or given up at shutdown); published once every duty has stopped. */
public record LeadershipLost(String identity, Instant at) {
}
