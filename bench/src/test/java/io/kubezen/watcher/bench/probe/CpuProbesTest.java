package io.kubezen.watcher.bench.probe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CpuProbesTest {

    @Test
    void processCpuIsUtimePlusStimeAfterANameWithSpacesAndParentheses() {
        // The shape of Linux's /proc/<pid>/stat, for a process whose name holds spaces and parentheses.
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 37 0 "
                + "98765 3456789012 61234 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0\n";

        assertThat(ProcessCpu.parse(stat)).isCloseTo(18.01, within(1e-9));
    }

    @Test
    void redisCpuAddsSystemAndUserTime() {
        // INFO cpu of Redis 7.0, as Lettuce returns it.
        String info = "# CPU\r\nused_cpu_sys:12.500000\r\nused_cpu_user:30.250000\r\nused_cpu_sys_children:0.000000\r\n"
                + "used_cpu_user_children:0.000000\r\nused_cpu_sys_main_thread:12.000000\r\nused_cpu_user_main_thread:29.000000\r\n";

        assertThat(RedisCpu.seconds(info)).isCloseTo(42.75, within(1e-9));
    }

    @Test
    void machineIdleIsIdleAndIowaitOverAllCpuTimeBetweenTwoReadings() {
        // /proc/stat of a 2-CPU machine, one second apart: 200 ticks, of which 150 idle and 10 waiting for I/O.
        String before = "cpu  4915840 11285 964191 4059347 13351 0 249993 5314 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n";
        String after = "cpu  4915870 11285 964201 4059497 13361 0 249993 5314 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n";

        assertThat(MachineIdle.percent(before, after)).isEqualTo(80);
        assertThat(MachineIdle.percent(before, before)).as("no time passed").isEqualTo(100);
        assertThatThrownBy(() -> MachineIdle.percent("intr 1 2 3\n", after)).hasMessageContaining("'cpu' line");
    }

    @Test
    void anInfoWithoutCpuFieldsIsAnError() {
        assertThatThrownBy(() -> RedisCpu.seconds("# Server\r\nredis_version:7.0.15\r\n"))
                .hasMessageContaining("used_cpu_sys");
    }

    @Test
    void aRunsCpuTimeIsTheDifferenceOfTwoReadings() {
        CpuTime run = new CpuTime(10.5, 3.25).minus(new CpuTime(4.0, 1.0));

        assertThat(run.ingesterSeconds()).isEqualTo(6.5);
        assertThat(run.redisSeconds()).isEqualTo(2.25);
    }
}
