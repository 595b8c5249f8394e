package dev.vigil.ecosystem.debian;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.Fingerprint;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianOvalUpdaterTest {
  private static final List<String> RELEASES = List.of("bookworm", "bullseye", "buster");

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  /** A directory laid out like www.debian.org/security/oval/, holding the named releases. */
  private Path mirror(String name, List<String> releases) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String release : releases) {
      String file = "oval-definitions-" + release + ".xml.bz2";
      Files.copy(fixture("feeds/debian-oval/" + file), dir.resolve(file));
    }
    Files.writeString(dir.resolve("index.html"), "<html></html>");
    return dir;
  }

  private Updater updater(Path source) {
    return DebianOval.updaterFactory().create(source.toUri(), client);
  }

  @Test
  void fetchesEveryReleaseAsOneSet() throws IOException {
    Path mirror = mirror("mirror", RELEASES);
    Updater updater = updater(mirror);

    FetchResult first = updater.fetch(Files.createDirectories(tmp.resolve("a")), "");
    FetchResult again =
        updater.fetch(Files.createDirectories(tmp.resolve("b")), first.fingerprint());
    Files.delete(mirror.resolve("oval-definitions-bullseye.xml.bz2"));
    FetchResult shrunk =
        updater.fetch(Files.createDirectories(tmp.resolve("c")), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(names(tmp.resolve("a")))
        .containsExactly(
            "oval-definitions-bookworm.xml.bz2",
            "oval-definitions-bullseye.xml.bz2",
            "oval-definitions-buster.xml.bz2");
    assertThat(again.changed()).isFalse();
    assertThat(names(tmp.resolve("b"))).isEmpty();
    assertThat(shrunk.changed()).isTrue();
    assertThat(Fingerprint.decode(shrunk.fingerprint())).hasSize(2);
    assertThat(names(tmp.resolve("c")))
        .containsExactly("oval-definitions-bookworm.xml.bz2", "oval-definitions-buster.xml.bz2");
  }

  @Test
  void parsesBusterLikeAnIndependentReadingOfItsComments() throws IOException {
    Path mirror = mirror("buster", List.of("buster"));
    Updater updater = updater(mirror);
    updater.fetch(Files.createDirectories(tmp.resolve("fetched")), "");

    List<Vulnerability> vulns = updater.parse(tmp.resolve("fetched"));

    Set<String> ours =
        vulns.stream()
            .map(v -> v.name() + " " + v.pkg().name() + " " + v.fixedInVersion())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> theirs = OvalComments.triples("buster");
    assertThat(ours).hasSize(vulns.size());
    assertThat(difference(ours, theirs)).as("only ours").isEmpty();
    assertThat(difference(theirs, ours)).as("only from the comments").isEmpty();
    assertThat(vulns).hasSize(26026);
    assertThat(vulns)
        .allSatisfy(
            v -> {
              assertThat(v.distribution()).isEqualTo(DebianRelease.forRelease("buster"));
              assertThat(v.updater()).isEqualTo("debian-oval");
              assertThat(v.normalizedSeverity()).isEqualTo(Severity.Unknown);
            });
    assertThat(vulns)
        .filteredOn(v -> List.of("glibc", "vim", "systemd", "undertow").contains(v.pkg().name()))
        .extracting(v -> v.name(), v -> v.pkg().name(), Vulnerability::fixedInVersion)
        .contains(
            tuple("CVE-1999-0199", "glibc", "2.2-1"),
            tuple("CVE-2023-0049", "vim", ""),
            tuple("CVE-2022-3821", "systemd", "241-7~deb10u10"),
            tuple("CVE-2017-2666", "undertow", "1.4.18-1"),
            tuple("CVE-2017-2670", "undertow", "1.4.18-1"));
  }

  @Test
  void failsWhenTheSourceListsNoOvalFile() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertThatThrownBy(() -> updater(empty).fetch(Files.createDirectories(tmp.resolve("x")), ""))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "debian-oval: "
                + empty.toUri()
                + " lists no file named like oval-definitions-([a-z]+)\\.xml\\.bz2");
    assertThat(DebianOval.updaterFactory().name()).isEqualTo("debian-oval");
  }

  static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> only = new TreeSet<>(a);
    only.removeAll(b);
    return only;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
