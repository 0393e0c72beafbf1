package io.kubezen.watcher.redis;

import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long each command may take: the command timeout, and for a blocking stream read its {@code BLOCK} time on
 * top, for {@code WAIT} its own timeout on top. Deciding per command rather than per connection matters on Cluster, where a command also passes through
 * the connection of the node it is routed to, which keeps the plain timeout whatever the cluster connection's is.
 */
final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

    private static final Pattern BLOCK = Pattern.compile("\\bBLOCK (\\d+)");
    /** {@code WAIT numreplicas timeout}: the timeout is the last argument. */
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\s*$");

    private final long commandMillis;

    CommandTimeouts(Duration commandTimeout) {
        this.commandMillis = commandTimeout.toMillis();
    }

    @Override
    public long getTimeout(RedisCommand<?, ?, ?> command) {
        if ((command.getType() == CommandType.XREADGROUP || command.getType() == CommandType.XREAD)
                && command.getArgs() != null) {
            Matcher block = BLOCK.matcher(command.getArgs().toCommandString());
            if (block.find()) {
                return commandMillis + Long.parseLong(block.group(1));
            }
        }
        if (command.getType() == CommandType.WAIT && command.getArgs() != null) {
            Matcher timeout = LAST_NUMBER.matcher(command.getArgs().toCommandString());
            if (timeout.find()) {
                return commandMillis + Long.parseLong(timeout.group(1));
            }
        }
        return commandMillis;
    }

    @Override
    public TimeUnit getTimeUnit() {
        return TimeUnit.MILLISECONDS;
    }
}
