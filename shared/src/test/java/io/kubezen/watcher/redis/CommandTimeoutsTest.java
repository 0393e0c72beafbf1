package io.kubezen.watcher.redis;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTimeoutsTest {

    private final CommandTimeouts timeouts = new CommandTimeouts(Duration.ofMillis(500));

    @Test
    void aBlockingStreamReadGetsItsBlockTimeOnTop() {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(CommandKeyword.GROUP).add("zw-writers")
                .add("writer-1").add(CommandKeyword.COUNT).add(10).add(CommandKeyword.BLOCK).add(1500)
                .add("STREAMS").addKey("zw:{s0}:observations").add(">");

        assertThat(timeouts.getTimeout(command(CommandType.XREADGROUP, args))).isEqualTo(2_000);
    }

    @Test
    void waitForReplicasGetsItsOwnTimeoutOnTop() {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(1).add(750);

        assertThat(timeouts.getTimeout(command(CommandType.WAIT, args))).isEqualTo(1_250);
    }

    @Test
    void everyOtherCommandGetsTheCommandTimeout() {
        CommandArgs<String, String> nonBlocking = new CommandArgs<>(StringCodec.UTF8).add(CommandKeyword.GROUP)
                .add("zw-writers").add("writer-1").add("STREAMS").addKey("zw:{s0}:observations").add(">");
        CommandArgs<String, String> keyNamedBlock = new CommandArgs<>(StringCodec.UTF8).addKey("BLOCK 9000");

        assertThat(timeouts.getTimeout(command(CommandType.XREADGROUP, nonBlocking))).isEqualTo(500);
        assertThat(timeouts.getTimeout(command(CommandType.GET, keyNamedBlock))).isEqualTo(500);
        assertThat(timeouts.getTimeout(command(CommandType.PING, null))).isEqualTo(500);
    }

    private static Command<String, String, String> command(CommandType type, CommandArgs<String, String> args) {
        return new Command<>(type, new StatusOutput<>(StringCodec.UTF8), args);
    }
}
