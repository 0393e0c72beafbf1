package io.kubezen.watcher.testing.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code INFO commandstats} says of the masters: how a test sees which commands the code sent. */
public final class CommandStats {

    private CommandStats() {
    }

    /** Calls of a command the masters have run so far, from scripts too, failed ones included. */
    public static long calls(List<? extends RedisClusterCommands<String, String>> masters, String command) {
        Pattern calls = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)");
        long total = 0;
        for (RedisClusterCommands<String, String> master : masters) {
            Matcher matcher = calls.matcher(master.info("commandstats"));
            total += matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }
        return total;
    }
}
