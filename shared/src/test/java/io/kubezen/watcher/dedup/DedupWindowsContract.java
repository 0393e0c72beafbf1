package io.kubezen.watcher.dedup;

import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link DedupWindows} promises; subclassed once per implementation. */
public abstract class DedupWindowsContract {

    protected static final Duration CONFIGURED = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    protected DedupWindows windows;

    protected abstract DedupWindows createWindows(Clock clock);

    /** The windows as another process sees them; in-memory: the same instance. */
    protected abstract DedupWindows secondProcess(Clock clock);

    @BeforeEach
    void createWindows() {
        windows = createWindows(clock);
    }

    @Test
    void configuredWindowAppliesUntilOneIsPublished() {
        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);

        windows.publish("falco", Duration.ofSeconds(60));

        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(Duration.ofSeconds(60));
        assertThat(windows.windowFor("kube-audit", CONFIGURED)).isEqualTo(CONFIGURED);
    }

    @Test
    void otherProcessesApplyAPublishedWindowWithoutWaitingForTheirCache() {
        DedupWindows receiver = secondProcess(clock);
        assertThat(receiver.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);

        windows.publish("falco", Duration.ofSeconds(120));

        Await.until("the receiver applies the new window", Duration.ofSeconds(10),
                () -> receiver.windowFor("falco", CONFIGURED).equals(Duration.ofSeconds(120)));
    }

    @Test
    void withdrawingFallsBackToTheConfiguredWindow() {
        DedupWindows receiver = secondProcess(clock);
        windows.publish("falco", Duration.ofSeconds(60));
        Await.until("the receiver applies the published window", Duration.ofSeconds(10),
                () -> receiver.windowFor("falco", CONFIGURED).equals(Duration.ofSeconds(60)));

        windows.withdraw("falco");

        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);
        Await.until("the receiver falls back", Duration.ofSeconds(10),
                () -> receiver.windowFor("falco", CONFIGURED).equals(CONFIGURED));
    }

    @Test
    void onlyWholeSecondsCanBePublished() {
        assertThatThrownBy(() -> windows.publish("falco", Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> windows.publish("falco", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> windows.publish("no:colons", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
