package io.kubezen.watcher.bench.redis;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * redis-benchmark can run a script only by its body or SHA, and the dedup script is private to
 * {@code RedisDedupStore}; {@code bench/redis/dedup-record.lua} repeats it. This keeps the copy honest.
 */
class DedupScriptMirrorTest {

    private static final Path STORE = Path.of("../shared/src/main/java/io/kubezen/watcher/dedup/redis/RedisDedupStore.java");
    private static final Pattern RECORD = Pattern.compile("RECORD = new RedisScript\\(\"\"\"\\n(.*?)\"\"\"\\);", Pattern.DOTALL);

    @Test
    void theBenchmarkRunsTheSameScriptAsTheDedupStore() throws Exception {
        Matcher record = RECORD.matcher(Files.readString(STORE));
        assertThat(record.find()).as("RECORD script in %s", STORE).isTrue();

        assertThat(Files.readString(Path.of("redis/dedup-record.lua")).lines().filter(line -> !line.startsWith("--")))
                .containsExactlyElementsOf(record.group(1).stripIndent().lines().toList());
    }
}
