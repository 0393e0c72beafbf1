package io.kubezen.watcher.controller.leader;

import org.slf4j.Logger;

/**
 * Logs a periodic duty's failures without repeating itself: the first failure of a run at WARN, the rest at
 * DEBUG, and one INFO line when it works again. A loop that fails every interval during an outage thus logs
 * twice, not every interval.
 */
public final class FailureLog {

    private final Logger log;
    private final String what;
    private long failuresInARow;

    public FailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failed(RuntimeException failure) {
        if (failuresInARow++ == 0) {
            log.warn("{} failed; retrying every interval and logging again once it works: {}", what,
                    failure.toString());
        } else {
            log.debug("{} failed again ({} in a row)", what, failuresInARow, failure);
        }
    }

    public void succeeded() {
        if (failuresInARow > 0) {
            log.info("{} works again after {} failed attempts", what, failuresInARow);
            failuresInARow = 0;
        }
    }
}
