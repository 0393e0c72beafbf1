package io.kubezen.watcher.controller.logs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every position store does, run once per implementation. */
public abstract class LogPositionStoreContract {

    private static final ContainerKey API = new ContainerKey("shop", "api-1", "api");
    private static final LogPosition POSITION = new LogPosition(Instant.parse("2026-01-01T10:00:00.123456789Z"), 3);

    protected abstract LogPositionStore store();

    @Test
    void keepsWhatWasPutPerSourceAndContainerToTheNanosecond() {
        store().put("app-logs", API, POSITION);

        assertThat(store().get("app-logs", API)).contains(POSITION);
        assertThat(store().get("other-logs", API)).isEmpty();
        assertThat(store().get("app-logs", new ContainerKey("shop", "api-1", "proxy"))).isEmpty();
    }

    @Test
    void aLaterPutReplacesAndForgetRemoves() {
        store().put("app-logs", API, POSITION);
        LogPosition later = POSITION.next(POSITION.time().plusSeconds(1));
        store().put("app-logs", API, later);

        assertThat(store().get("app-logs", API)).contains(later);

        store().forget("app-logs", API);

        assertThat(store().get("app-logs", API)).isEmpty();
    }
}
