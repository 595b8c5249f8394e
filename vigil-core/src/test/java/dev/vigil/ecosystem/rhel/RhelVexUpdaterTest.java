package dev.vigil.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rhel} updater over a {@code file:} mirror laid out like Red Hat's security site. */
class RhelVexUpdaterTest {
  private static final FeedClient CLIENT = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  private Updater updater(URI source) {
    return new RhelVexUpdaterFactory().create(source, CLIENT);
  }

  @Test
  void fetchesTheListedDocumentsAndTheRepositoryMap() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), VexMirror.ALL);
    Updater updater = updater(source);
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));

    FetchResult first = updater.fetch(fetched, "");
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("again")), first.fingerprint());
    List<Vulnerability> vulns = updater.parse(fetched);

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(fetched.resolve("vex/2024/cve-2024-0727.json")).isRegularFile();
    assertThat(vulns).anyMatch(v -> v.name().equals("CVE-2024-0727"));
    assertThat(vulns.stream().filter(RepositoryToCpe::isMapping).map(v -> v.name()))
        .contains("cpe:/o:redhat:enterprise_linux:9::baseos");
    assertThat(vulns).allMatch(v -> v.updater().equals("rhel"));
  }

  @Test
  void leavesOutDeletedDocuments() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), VexMirror.ALL);
    Files.writeString(
        Path.of(source).resolve("deletions.csv"),
        "\"2024/cve-2024-0727.json\",\"2026-11-02T00:00:00+00:00\"\n");
    Updater updater = updater(source);
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));

    updater.fetch(fetched, "");

    assertThat(updater.parse(fetched)).noneMatch(v -> v.name().equals("CVE-2024-0727"));
  }

  @Test
  void unpacksTheBulkArchiveAndFetchesOnlyLaterChanges() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), VexMirror.ALL);
    Path vex = Path.of(source);
    String archive = "csaf_vex_2023-10-31.tar.zst";
    Files.copy(Fixtures.fixture("feeds/redhat-csaf-vex/archive/" + archive), vex.resolve(archive));
    Files.writeString(vex.resolve("archive_latest.txt"), archive + "\n");
    // Listed as changed before the archive: read from it, never fetched alone (no such file here).
    Files.writeString(
        vex.resolve("changes.csv"),
        "\"2023/cve-2023-0044.json\",\"2023-10-01T00:00:00+00:00\"\n",
        StandardOpenOption.APPEND);
    Updater updater = updater(source);
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));

    FetchResult first = updater.fetch(fetched, "");

    assertThat(first.changed()).isTrue();
    assertThat(fetched.resolve("vex/2023/cve-2023-0044.json")).isRegularFile();
    assertThat(fetched.resolve("vex/2023/cve-2023-0051.json")).isRegularFile();
    assertThat(fetched.resolve("vex/2024/cve-2024-0727.json")).isRegularFile();
    assertThat(fetched.resolve(archive)).doesNotExist();
    assertThat(updater.parse(fetched)).anyMatch(v -> v.name().equals("CVE-2024-0727"));
  }

  @Test
  void refusesAnArchiveNameThatIsNoVexArchive() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), List.of("cve-2024-22047.json"));
    Files.writeString(Path.of(source).resolve("archive_latest.txt"), "../../secret.tar.zst\n");

    assertThatThrownBy(() -> updater(source).fetch(Files.createDirectories(tmp.resolve("f")), ""))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("archive_latest.txt: unexpected archive name ../../secret.tar.zst");
  }

  @Test
  void refusesAListEntryOutsideTheYearDirectories() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), List.of("cve-2024-22047.json"));
    Files.writeString(Path.of(source).resolve("changes.csv"), "\"../../../../etc/passwd\",\"x\"\n");

    assertThatThrownBy(() -> updater(source).fetch(Files.createDirectories(tmp.resolve("f")), ""))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("changes.csv: unexpected entry ../../../../etc/passwd");
  }

  @Test
  void failsTheWholeParseOnOneMalformedDocument() throws IOException {
    URI source = VexMirror.layOut(tmp.resolve("site"), VexMirror.ALL);
    Files.writeString(Path.of(source).resolve("2026/cve-2026-2673.json"), "{\"document\": ");
    Updater updater = updater(source);
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    updater.fetch(fetched, "");

    assertThatThrownBy(() -> updater.parse(fetched))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("rhel: cve-2026-2673.json: not JSON");
  }

  @Test
  void readsRedHatsVexDirectoryByDefault() {
    assertThat(new RhelVexUpdaterFactory().defaultSource().toString())
        .isEqualTo("https://security.access.redhat.com/data/csaf/v2/vex/");
    assertThat(new RhelVexUpdaterFactory().runsByDefault()).isTrue();
  }
}
