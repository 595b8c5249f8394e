package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.registry.Rig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets never reach logs or error messages: each case runs the CLI in a child JVM with every log
 * at DEBUG, makes it fail with a secret in hand (a registry password, a token server's password, a
 * PostgreSQL password in a URL or a Clair connstring, the PSK), and searches everything it printed
 * for the secret and its Basic-auth encoding.
 */
class SecretsTest {
  private static final Rig RIG = Rig.get();
  private static final String SECRET = "S3cret-Never-Printed-7f2c";

  @TempDir Path tmp;

  static Stream<String> registriesThatRejectThePassword() {
    return Stream.of(RIG.basic(), RIG.token());
  }

  @ParameterizedTest
  @MethodSource("registriesThatRejectThePassword")
  @Timeout(120)
  void aRegistryPasswordTheRegistryRejects(String registry) throws Exception {
    String output =
        failing(scan(registry + "/rig/tiny:1.0", "--username", "rig", "--password", SECRET));

    assertThat(output).contains("rejected the credentials of user 'rig'");
    assertNoSecret(output, "rig");
  }

  @Test
  @Timeout(120)
  void theBearerTokenOfASuccessfulPull() throws Exception {
    String password = RIG.credential().password();
    List<String> args =
        scan(RIG.token() + "/rig/tiny:1.0", "--username", "rig", "--password", password);

    String output = run(args, true);

    assertThat(output).doesNotContain(password, "Bearer ", "Basic ");
  }

  @Test
  @Timeout(120)
  void aPostgresPasswordInAnUnreachableDatabaseUrl() throws Exception {
    String output =
        failing(
            List.of(
                "scan",
                "--db",
                "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET,
                RigImages.oci("tiny-1.0")));

    assertThat(output).contains("cannot connect to PostgreSQL at 127.0.0.1:1/test");
    assertNoSecret(output, "postgres");
  }

  @Test
  @Timeout(120)
  void thePskAndADatabasePasswordOfAServerThatCannotStart() throws Exception {
    String psk =
        Base64.getEncoder().encodeToString((SECRET + SECRET).getBytes(StandardCharsets.UTF_8));
    Path config = tmp.resolve("config.yaml");
    Files.writeString(
        config,
        "http_listen_addr: 127.0.0.1:0\nintrospection_addr: 127.0.0.1:0\n"
            + "indexer:\n  connstring: \"host=127.0.0.1 port=1 user=postgres dbname=test password="
            + SECRET
            + "\"\n  layer_cache: \""
            + tmp.resolve("layers")
            + "\"\nmatcher:\n  disable_updaters: true\nauth:\n  psk:\n    key: "
            + psk
            + "\n    iss: [quay]\n");

    String output = failing(List.of("serve", "--mode", "combo", "--config", config.toString()));

    assertThat(output).contains("127.0.0.1:1");
    assertNoSecret(output, "postgres");
    assertThat(output).doesNotContain(psk);
  }

  private List<String> scan(String image, String... flags) {
    List<String> args = new ArrayList<>(List.of("scan", "--timeout", "5s"));
    args.addAll(List.of("--db", tmp.resolve("vigil.db").toString()));
    args.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
    args.addAll(List.of(flags));
    args.add(image);
    return args;
  }

  private static void assertNoSecret(String output, String user) {
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(output).doesNotContain(SECRET, basic);
  }

  private String failing(List<String> args) throws Exception {
    return run(args, false);
  }

  /** Runs the CLI in a child JVM with DEBUG logs, returning stdout and stderr together. */
  private String run(List<String> args, boolean succeeds) throws Exception {
    Path log = Files.createTempFile(tmp, "vigil", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VigilCli.class.getName()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("VIGIL_LOG_LEVEL", "DEBUG");
    builder.environment().remove("VIGIL_CONFIG");
    builder.environment().remove("VIGIL_PASSWORD");
    Process process = builder.start();
    assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue() == 0).as(output).isEqualTo(succeeds);
    return output;
  }
}
