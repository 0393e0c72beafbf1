package io.kubezen.watcher.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeLabelsTest {

    @Test
    void theFirstTypesOfASourceAreTheirOwnLabelAndLaterOnesAreOther() {
        EventTypeLabels labels = new EventTypeLabels(2);

        assertThat(labels.label("falco", "terminal_shell_in_container")).isEqualTo("terminal_shell_in_container");
        assertThat(labels.label("falco", "write_below_etc")).isEqualTo("write_below_etc");
        assertThat(labels.label("falco", "read_sensitive_file")).isEqualTo(EventTypeLabels.OTHER);
        assertThat(labels.label("falco", "terminal_shell_in_container")).as("still known")
                .isEqualTo("terminal_shell_in_container");
    }

    @Test
    void eachSourceHasItsOwnCap() {
        EventTypeLabels labels = new EventTypeLabels(1);

        assertThat(labels.label("falco", "write_below_etc")).isEqualTo("write_below_etc");
        assertThat(labels.label("alertmanager", "kube_pod_crash_looping")).isEqualTo("kube_pod_crash_looping");
        assertThat(labels.label("falco", "kube_pod_crash_looping")).isEqualTo(EventTypeLabels.OTHER);
    }

    @Test
    void aCapOfZeroTagsEveryEventOther() {
        assertThat(new EventTypeLabels(0).label("falco", "write_below_etc")).isEqualTo(EventTypeLabels.OTHER);
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThatThrownBy(() -> new EventTypeLabels(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
