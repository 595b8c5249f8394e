package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import dev.vigil.server.VigilServer;
import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil serve}: run the Clair-compatible server until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Clair v4-compatible server (and, in combo mode, Clair's v1 API for klar).",
      "The API listens on http_listen_addr (:6060), health and metrics on introspection_addr"
          + " (:8089). Without a configuration file, combo mode runs on the embedded SQLite store."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by a signal",
      "2:the server could not start, with a one-line reason"
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--mode",
      defaultValue = "combo",
      paramLabel = "MODE",
      description = "combo, indexer or matcher (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "${env:VIGIL_CONFIG}",
      description =
          "YAML configuration with Clair's keys (default: $VIGIL_CONFIG, else none); VIGIL_*"
              + " environment variables override it, e.g. VIGIL_MATCHER_CONNSTRING.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    if (System.getenv("VIGIL_LOG_LEVEL") == null) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.vigil")).setLevel(Level.INFO);
    }
    ServerConfig loaded = ConfigLoader.load(Mode.parse(mode), config, System.getenv());
    VigilServer server = VigilServer.start(loaded);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "vigil-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "vigil: serving %s: API on port %d, introspection on port %d%n",
        loaded.mode(), server.apiPort(), server.introspectionPort());
    out.flush();
    stopped.await();
    return VigilCli.OK;
  }
}
