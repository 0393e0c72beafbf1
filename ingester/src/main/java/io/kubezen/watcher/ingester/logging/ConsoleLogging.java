package io.kubezen.watcher.ingester.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The ingester's logging, set up in code: every line to standard output at INFO and above, in one pattern.
 * Logback finds it through {@code META-INF/services} before it would look for an XML file, and so skips parsing
 * one, which was about an eighth of the main thread's work on the way to the first answer (docs/benchmarks.md, "Cold
 * start"). A file named by {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the class path,
 * still applies instead; levels of single loggers are set with {@code logger.levels.*} as before.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    private static final String CONFIGURATION_FILE = "logback.configurationFile";
    private static final String TEST_CONFIGURATION = "logback-test.xml";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fileConfigured(System.getProperty(CONFIGURATION_FILE),
                ConsoleLogging.class.getClassLoader().getResource(TEST_CONFIGURATION) != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        toConsole(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean fileConfigured(String configurationFile, boolean testConfigurationPresent) {
        return configurationFile != null || testConfigurationPresent;
    }

    static void toConsole(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}
