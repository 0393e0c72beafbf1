package io.kubezen.watcher.bench.probe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessMemoryTest {

    @Test
    void readsResidentAndPeakMemoryFromProcStatus() {
        ProcessMemory memory = ProcessMemory.parse("""
                Name:	java
                VmPeak:	 9001234 kB
                VmHWM:	  295096 kB
                VmRSS:	  267592 kB
                Threads:	165
                """);

        assertThat(memory).isEqualTo(new ProcessMemory(267_592, 295_096));
        assertThat(memory.residentMegabytes()).isEqualTo(261.3203125);
    }

    @Test
    void aStatusWithoutTheFieldIsAnError() {
        assertThatThrownBy(() -> ProcessMemory.parse("Name:\tjava\n")).hasMessageContaining("VmRSS");
    }
}
