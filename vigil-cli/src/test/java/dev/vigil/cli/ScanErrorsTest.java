package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input through the CLI: clear one-line errors, nothing half-stored. */
class ScanErrorsTest {
  private static final String ALPINE_3_10 =
      "images/docker-archive/alpine-3.10.4-docker-save.tar.gz";
  private static final String OS_RELEASE = "ID=alpine\nVERSION_ID=3.10.4\n";
  private static final String APK_DB = "P:musl\nV:1.1.22-r3\nA:x86_64\no:musl\n\n";
  private static final String EVIL_DB = "P:evil\nV:6.6.6-r0\nA:x86_64\no:evil\n\n";

  @TempDir Path tmp;

  @Test
  void truncatedArchiveFailsWithExitTwo() throws IOException {
    byte[] whole = Files.readAllBytes(Fixtures.fixture(ALPINE_3_10));
    Path truncated = tmp.resolve("truncated.tar.gz");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

    CliRun scan = CliRun.of("scan", "--db", tmp.resolve("v.db").toString(), truncated.toString());

    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.out()).isEmpty();
    assertThat(scan.err().lines().filter(l -> l.startsWith("vigil: ") && !l.contains("warning")))
        .hasSize(1);
  }

  @Test
  void garbageFileFailsWithExitTwo() throws IOException {
    Path garbage = tmp.resolve("garbage.tar");
    Files.write(
        garbage, "this is not a tar archive at all".repeat(40).getBytes(StandardCharsets.UTF_8));

    CliRun scan =
        CliRun.of("scan", "--db", tmp.resolve("v.db").toString(), "docker-archive:" + garbage);

    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.err()).startsWith("vigil: ");
  }

  @Test
  void feedThatIsNotJsonFailsAndKeepsThePreviousData() throws IOException {
    String db = tmp.resolve("v.db").toString();
    String good = Fixtures.fixture("feeds/alpine-secdb").toUri().toString();
    assertThat(
            CliRun.of("update", "--db", db, "--updaters", "alpine", "--source", "alpine=" + good)
                .exitCode())
        .isZero();
    Path bad = tmp.resolve("bad-mirror");
    Files.createDirectories(bad.resolve("v3.10"));
    Files.writeString(bad.resolve("v3.10/main.json"), "<html>503 Service Unavailable</html>");

    CliRun update =
        CliRun.of(
            "update", "--db", db, "--updaters", "alpine", "--source", "alpine=" + bad.toUri());

    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err()).contains("alpine: failed: ").contains("main.json");
    CliRun scan =
        CliRun.of("scan", "--db", db, "--format", "json", Fixtures.fixture(ALPINE_3_10).toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(Json.mapper().readTree(scan.out()).get("vulnerabilities")).hasSize(11);
  }

  @Test
  void feedThatIsNotJsonStoresNothingInAnEmptyStore() throws IOException {
    String db = tmp.resolve("v.db").toString();
    Path bad = tmp.resolve("bad-mirror");
    Files.createDirectories(bad.resolve("v3.10"));
    Files.writeString(bad.resolve("v3.10/main.json"), "{\"packages\": [ {\"pkg\": ");

    CliRun update =
        CliRun.of(
            "update", "--db", db, "--updaters", "alpine", "--source", "alpine=" + bad.toUri());
    CliRun scan = CliRun.of("scan", "--db", db, Fixtures.fixture(ALPINE_3_10).toString());

    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(scan.err()).contains("the vulnerability store is empty");
  }

  @Test
  void entriesEscapingTheRootAreWarnedAboutAndNeverRead() throws IOException {
    Path archive = tmp.resolve("escape.tar");
    byte[] layer =
        tar(
            new Object[] {"etc/os-release", OS_RELEASE},
            new Object[] {"lib/apk/db/installed", APK_DB},
            new Object[] {"../lib/apk/db/installed", EVIL_DB},
            new Object[] {"/lib/apk/db/installed", EVIL_DB});
    String manifest = "[{\"Config\":\"c.json\",\"RepoTags\":[],\"Layers\":[\"layer.tar\"]}]";
    String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    Files.write(
        archive,
        tar(
            new Object[] {"manifest.json", manifest},
            new Object[] {"c.json", config},
            new Object[] {"layer.tar", layer}));

    CliRun scan =
        CliRun.of(
            "scan", "--db", tmp.resolve("v.db").toString(), "--format", "json", archive.toString());

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.err()).contains("warning").contains("../lib/apk/db/installed");
    JsonNode packages = Json.mapper().readTree(scan.out()).get("packages");
    assertThat(packages).hasSize(1);
    assertThat(packages.elements().next().get("name").asText()).isEqualTo("musl");
  }

  /**
   * A tar of {path, content} pairs; content is a byte[] or a String, and a String starting with
   * {@code ->} makes a symbolic link to the rest of it.
   */
  private static byte[] tar(Object[]... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Object[] entry : entries) {
        if (entry[1] instanceof String text && text.startsWith("->")) {
          TarArchiveEntry link = new TarArchiveEntry((String) entry[0], TarArchiveEntry.LF_SYMLINK);
          link.setLinkName(text.substring(2));
          out.putArchiveEntry(link);
          out.closeArchiveEntry();
          continue;
        }
        byte[] content =
            entry[1] instanceof byte[] b ? b : ((String) entry[1]).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = new TarArchiveEntry((String) entry[0], true);
        header.setSize(content.length);
        out.putArchiveEntry(header);
        out.write(content);
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
