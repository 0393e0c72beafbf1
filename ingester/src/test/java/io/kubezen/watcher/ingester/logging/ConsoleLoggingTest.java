package io.kubezen.watcher.ingester.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLoggingTest {

    @Test
    void logsInfoAndAboveToStandardOutput() {
        LoggerContext context = new LoggerContext();

        ConsoleLogging.toConsole(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.kubezen.watcher").isDebugEnabled()).isFalse();
        assertThat(root.getAppender("STDOUT")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.isStarted()).isTrue();
            assertThat(appender.getTarget()).isEqualTo("System.out");
        });
    }

    @Test
    void writesALineAsTheXmlConfigurationDid() {
        LoggerContext context = new LoggerContext();
        ConsoleLogging.toConsole(context);
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        Logger logger = context.getLogger("io.kubezen.watcher.ingester.wiring.SourceCatalogFactory");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "queue at {}", null,
                new Object[] {42});
        event.setThreadName("main");

        String line = new String(((ConsoleAppender<ILoggingEvent>) appender).getEncoder().encode(event),
                StandardCharsets.UTF_8);

        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} WARN  \\[main\\] "
                + "i\\.k\\.w\\.i\\.wiring\\.SourceCatalogFactory - queue at 42\\R");
    }

    @Test
    void aConfigurationFileOrATestConfigurationTakesOver() {
        assertThat(ConsoleLogging.fileConfigured(null, false)).isFalse();
        assertThat(ConsoleLogging.fileConfigured("/etc/zen-watcher/logback.xml", false)).isTrue();
        assertThat(ConsoleLogging.fileConfigured(null, true)).isTrue();
    }
}
