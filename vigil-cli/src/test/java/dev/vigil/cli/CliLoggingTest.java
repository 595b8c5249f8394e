package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's logging set-up in code. */
class CliLoggingTest {

  @Test
  void librariesLogErrorsToStderrAndVigilWhatTheEnvironmentAsks() {
    LoggerContext context = new LoggerContext();
    CliLogging logging = new CliLogging();
    logging.setContext(context);

    assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel())
        .isEqualTo(Level.toLevel(System.getenv("VIGIL_LOG_LEVEL"), Level.ERROR));
    Appender<?> stderr = root.getAppender("STDERR");
    assertThat(stderr).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) stderr).getTarget()).isEqualTo("System.err");
    assertThat(stderr.isStarted()).isTrue();
    assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.ERROR);
  }

  @Test
  void logbackFindsItAsAService() {
    LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
        .as("configured by CliLogging, ahead of any logback-test.xml on the test class path")
        .isInstanceOf(ConsoleAppender.class);
  }
}
