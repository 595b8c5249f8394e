package dev.vigil.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.VigilCli;
import dev.vigil.model.Json;
import dev.vigil.registry.Rig;
import dev.vigil.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil scan} run as a real process: with standard error on a pseudo-terminal (under {@code
 * script}) progress redraws in place, without one it is plain lines, and standard output stays
 * clean JSON in both cases.
 */
class ProgressProcessTest {
  private static final String ARCHIVE =
      "oci-archive:/tmp/vigil-rig-images/debian-minbase-bookworm.oci.tar";
  private static final String PULLED =
      "vigil: pulled sha256:[0-9a-f]{12}… [0-9.]+ [kM]?B in [0-9.]+ s";

  @TempDir Path tmp;

  private List<String> command(String image, String... flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(VigilCli.class.getName(), "scan", "--format", "json"));
    command.addAll(List.of("--db", tmp.resolve("vigil.db").toString()));
    command.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
    command.addAll(List.of(flags));
    command.add(image);
    return command;
  }

  /**
   * Runs the command with standard output in a file and returns what reached standard error; under
   * {@code script} standard error is the pseudo-terminal, whose output {@code script} copies.
   */
  private String stderr(List<String> command, boolean terminal) throws Exception {
    Path out = tmp.resolve("out.json");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder builder;
    if (terminal) {
      String line =
          command.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" ")) + " >" + out;
      builder =
          new ProcessBuilder("script", "-qec", line, "/dev/null").redirectOutput(err.toFile());
    } else {
      builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    }
    builder.redirectInput(Path.of("/dev/null").toFile());
    builder.environment().put("TERM", "xterm");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isZero();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(stdout).as(stderr).startsWith("{").endsWith("}\n");
    assertThat(Json.mapper().readTree(stdout).get("manifest_hash").asText()).startsWith("sha256:");
    return stderr;
  }

  @Test
  void redrawsIndexingInPlaceOnATerminal() throws Exception {
    assertThat(stderr(command(ARCHIVE), true))
        .contains("\r\033[2Kvigil: indexing layer 2/3")
        .containsPattern("\r\033\\[2Kvigil: indexed 3 layers\r?\n");
  }

  @Test
  void printsPlainIndexingLinesWithoutATerminal() throws Exception {
    assertThat(stderr(command(ARCHIVE), false))
        .doesNotContain("\r")
        .doesNotContain("\033")
        .contains("vigil: indexed layer 1/3\nvigil: indexed layer 2/3\nvigil: indexed layer 3/3\n");
  }

  @Test
  void showsDownloadsWithBytesAndRateOnATerminal() throws Exception {
    String image = Rig.get().open() + "/rig/debian-minbase:bookworm";
    assertThat(stderr(command(image), true))
        .containsPattern("\r\033\\[2K" + PULLED + " \\([0-9.]+ [kMG]?B/s\\)\r?\n");
  }

  @Test
  void logsOneLinePerDownloadWithoutATerminal() throws Exception {
    String image = Rig.get().open() + "/rig/debian-minbase:bookworm";
    assertThat(stderr(command(image), false))
        .doesNotContain("\r")
        .containsPattern("(?m)^" + PULLED + "$");
  }

  @Test
  void noProgressAndQuietSilenceIt() throws Exception {
    assertThat(stderr(command(ARCHIVE, "--no-progress"), true)).doesNotContain("indexed");
    assertThat(stderr(command(ARCHIVE, "--quiet"), false)).doesNotContain("indexed");
  }

  @Test
  void updatesShowEachUpdatersStepsOnStderrOnly() throws Exception {
    String mirror = Fixtures.fixture("feeds/alpine-secdb").toUri().toString();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            VigilCli.class.getName(),
            "update",
            "--db",
            tmp.resolve("vigil.db").toString(),
            "--updaters",
            "alpine",
            "--source",
            "alpine=" + mirror);
    Path out = tmp.resolve("update.out");
    Path err = tmp.resolve("update.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(err))
        .isEqualTo("vigil: alpine: fetching\nvigil: alpine: parsing\nvigil: alpine: committing\n");
    assertThat(Files.readString(out)).startsWith("alpine: updated, ");
  }
}
