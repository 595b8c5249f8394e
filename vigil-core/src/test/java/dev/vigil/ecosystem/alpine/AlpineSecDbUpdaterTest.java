package dev.vigil.ecosystem.alpine;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.Fingerprint;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpineSecDbUpdaterTest {
  private static final String[] MIRROR = {
    "v3.10/main.json",
    "v3.10/community.json",
    "v3.2/main.json",
    "edge/main.json",
    "edge/community.json"
  };
  private static final String[] MIRROR_SORTED = Stream.of(MIRROR).sorted().toArray(String[]::new);

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  private Updater updater(URI source) {
    return new AlpineSecDbUpdaterFactory().create(source, client);
  }

  private List<Vulnerability> parse(String... files) throws IOException {
    Path dir = SecDbMirror.build(tmp.resolve("parsed"), files).root();
    return updater(URI.create("https://secdb.alpinelinux.org/")).parse(dir);
  }

  private static List<Vulnerability> of(List<Vulnerability> vulns, String pkg) {
    return vulns.stream().filter(v -> v.pkg().name().equals(pkg)).toList();
  }

  @Test
  void parsesTheV310Secdb() throws IOException {
    List<Vulnerability> vulns = parse("v3.10/main.json", "v3.10/community.json");

    assertThat(vulns).hasSize(2676);
    assertThat(of(vulns, "openssl")).hasSize(14);
    assertThat(vulns)
        .contains(
            new Vulnerability(
                "",
                "alpine",
                "CVE-2020-1967",
                "",
                null,
                "https://security.alpinelinux.org/vuln/CVE-2020-1967",
                "",
                Severity.Unknown,
                Package.source("openssl", ""),
                AlpineRelease.forBranch("v3.10"),
                new Repository(
                    "", "main", "", "https://dl-cdn.alpinelinux.org/alpine/v3.10/main", ""),
                "1.1.1g-r0",
                ""));
    assertThat(vulns).allSatisfy(v -> assertThat(v.distribution().versionId()).isEqualTo("3.10"));
    assertThat(vulns).noneMatch(v -> v.fixedInVersion().equals("0"));
    assertThat(of(vulns, "cifs-utils"))
        .extracting(Vulnerability::name)
        .containsExactly("CVE-2021-20208");
    assertThat(vulns.stream().map(v -> v.repository().name()).distinct())
        .containsExactly("community", "main");
  }

  @Test
  void splitsEntriesHoldingSeveralIds() throws IOException {
    List<Vulnerability> xen = of(parse("v3.10/main.json"), "xen");

    assertThat(xen.stream().filter(v -> v.fixedInVersion().equals("4.10.0-r2")))
        .extracting(Vulnerability::name, Vulnerability::links)
        .containsExactlyInAnyOrder(
            tuple("CVE-2018-7540", "https://security.alpinelinux.org/vuln/CVE-2018-7540"),
            tuple("XSA-252", ""),
            tuple("CVE-2018-7541", "https://security.alpinelinux.org/vuln/CVE-2018-7541"),
            tuple("XSA-255", ""),
            tuple("CVE-2018-7542", "https://security.alpinelinux.org/vuln/CVE-2018-7542"),
            tuple("XSA-256", ""));
  }

  @Test
  void dropsRemarksAfterAnId() throws IOException {
    List<Vulnerability> cifs = of(parse("v3.13/main.json"), "cifs-utils");

    assertThat(cifs.stream().filter(v -> v.fixedInVersion().equals("6.11-r0")))
        .extracting(Vulnerability::name)
        .containsExactly("CVE-2020-14342");
  }

  @Test
  void parsesEdge() throws IOException {
    List<Vulnerability> vulns = parse("edge/main.json", "edge/community.json");

    assertThat(vulns).hasSize(8209);
    assertThat(vulns)
        .allSatisfy(v -> assertThat(v.distribution()).isEqualTo(AlpineRelease.forBranch("edge")));
    assertThat(vulns.get(0).distribution().prettyName()).isEqualTo("Alpine Linux edge");
  }

  @Test
  void rejectsAFileThatIsNotJson() throws IOException {
    Path dir = SecDbMirror.build(tmp.resolve("bad"), "edge/main.json").root();
    Path yaml = dir.resolve("v3.10/main.json");
    Files.createDirectories(yaml.getParent());
    Files.copy(fixture("feeds/alpine-secdb-yaml-2020/v3.10/main.yaml"), yaml);

    assertThatThrownBy(() -> updater(dir.toUri()).parse(dir))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("alpine: " + yaml + ": not JSON");
  }

  @Test
  void rejectsJsonOfAnotherSchema() throws IOException {
    Path dir = tmp.resolve("schema");
    Path other = dir.resolve("v3.10/main.json");
    Files.createDirectories(other.getParent());
    Files.copy(fixture("api/schemas/digest.schema.json"), other);

    assertThatThrownBy(() -> updater(dir.toUri()).parse(dir))
        .isInstanceOf(ScanException.class)
        .hasMessage("alpine: " + other + ": 'distroversion' is missing or not a string");
  }

  @Test
  void fetchesFromAFileMirrorConditionally() throws IOException {
    SecDbMirror mirror = SecDbMirror.build(tmp.resolve("mirror"), MIRROR);
    Updater updater = updater(mirror.root().toUri());

    FetchResult first = updater.fetch(tmp.resolve("first"), "");
    FetchResult second = updater.fetch(tmp.resolve("second"), first.fingerprint());

    assertThat(first.changed()).isTrue();
    assertThat(files(tmp.resolve("first"))).containsExactly(MIRROR_SORTED);
    assertThat(Fingerprint.decode(first.fingerprint()).keySet())
        .hasSize(5)
        .allMatch(url -> url.startsWith("file:/"))
        .anyMatch(url -> url.endsWith("/mirror/v3.2/main.json"));
    Map<String, Long> perBranch =
        updater.parse(tmp.resolve("first")).stream()
            .collect(
                Collectors.groupingBy(v -> v.distribution().versionId(), Collectors.counting()));
    assertThat(perBranch)
        .containsOnly(Map.entry("3.10", 2676L), Map.entry("3.2", 305L), Map.entry("edge", 8209L));
    assertThat(second.changed()).isFalse();
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(tmp.resolve("second")).doesNotExist();
  }

  @Test
  void fetchesAndParsesTheYamlFormOf2020() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("yaml-mirror/v3.10"));
    for (String file : new String[] {"main.yaml", "community.yaml"}) {
      Files.copy(fixture("feeds/alpine-secdb-yaml-2020/v3.10/" + file), mirror.resolve(file));
    }
    Updater updater = updater(mirror.getParent().toUri());

    FetchResult fetched = updater.fetch(tmp.resolve("fetched"), "");
    List<Vulnerability> vulns = updater.parse(tmp.resolve("fetched"));

    assertThat(files(tmp.resolve("fetched")))
        .containsExactly("v3.10/community.yaml", "v3.10/main.yaml");
    assertThat(Fingerprint.decode(fetched.fingerprint()).keySet())
        .allMatch(url -> url.endsWith(".yaml"));
    assertThat(of(vulns, "openssl"))
        .extracting(Vulnerability::name)
        .contains("CVE-2019-1547")
        .doesNotContain("CVE-2020-1967");
    assertThat(vulns).allSatisfy(v -> assertThat(v.distribution().versionId()).isEqualTo("3.10"));
    assertThat(vulns.stream().map(v -> v.repository().name()).distinct())
        .containsExactlyInAnyOrder("community", "main");
    assertThat(updater.fetch(tmp.resolve("again"), fetched.fingerprint()).changed()).isFalse();
  }

  @Test
  void refetchesEverythingWhenOneFileChanged() throws IOException {
    SecDbMirror mirror = SecDbMirror.build(tmp.resolve("mirror"), MIRROR);
    Updater updater = updater(mirror.root().toUri());
    FetchResult first = updater.fetch(tmp.resolve("first"), null);
    Files.setLastModifiedTime(
        mirror.root().resolve("v3.10/community.json"), FileTime.fromMillis(86_400_000L));

    FetchResult next = updater.fetch(tmp.resolve("next"), first.fingerprint());

    assertThat(next.changed()).isTrue();
    assertThat(next.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(files(tmp.resolve("next"))).containsExactly(MIRROR_SORTED);
  }

  @Test
  void notesARemovedBranchAsAChange() throws IOException {
    SecDbMirror mirror = SecDbMirror.build(tmp.resolve("mirror"), MIRROR);
    Updater updater = updater(mirror.root().toUri());
    FetchResult first = updater.fetch(tmp.resolve("first"), null);
    Files.delete(mirror.root().resolve("v3.2/main.json"));
    Files.delete(mirror.root().resolve("v3.2"));

    FetchResult next = updater.fetch(tmp.resolve("next"), first.fingerprint());

    assertThat(next.changed()).isTrue();
    assertThat(Fingerprint.decode(next.fingerprint())).hasSize(4);
    assertThat(files(tmp.resolve("next")))
        .containsExactly(
            "edge/community.json", "edge/main.json", "v3.10/community.json", "v3.10/main.json");
  }

  @Test
  void failsWhenABranchLacksMainOrNothingIsListed() throws IOException {
    Path noMain = tmp.resolve("no-main");
    SecDbMirror.build(noMain, "v3.10/community.json");
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertThatThrownBy(() -> updater(noMain.toUri()).fetch(tmp.resolve("a"), ""))
        .isInstanceOf(FeedNotFoundException.class)
        .hasMessageContaining("v3.10/main.json");
    assertThatThrownBy(() -> updater(empty.toUri()).fetch(tmp.resolve("b"), ""))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("alpine: " + empty.toUri())
        .hasMessageEndingWith("lists no secdb branches (v3.x/, edge/)");
  }

  @Test
  void fetchesOverHttpConditionally() throws Exception {
    SecDbMirror mirror = SecDbMirror.build(tmp.resolve("mirror"), MIRROR);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(mirror);
      server.start();
      Updater updater = updater(server.url("/").uri());

      FetchResult first = updater.fetch(tmp.resolve("first"), "");
      int firstRequests = server.getRequestCount();
      FetchResult second = updater.fetch(tmp.resolve("second"), first.fingerprint());

      assertThat(first.changed()).isTrue();
      assertThat(files(tmp.resolve("first"))).containsExactly(MIRROR_SORTED);
      assertThat(updater.parse(tmp.resolve("first"))).hasSize(2676 + 305 + 8209);
      assertThat(second.changed()).isFalse();
      assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
      assertThat(firstRequests).isEqualTo(1 + 6);
      assertThat(server.getRequestCount()).isEqualTo(2 * firstRequests);
      for (int i = 0; i < firstRequests; i++) {
        server.takeRequest();
      }
      server.takeRequest();
      RecordedRequest conditional = server.takeRequest();
      assertThat(conditional.getUrl().encodedPath()).isEqualTo("/edge/main.json");
      assertThat(conditional.getHeaders().get("If-None-Match")).startsWith("\"");
      assertThat(conditional.getHeaders().get("User-Agent")).isEqualTo("vigil");
    }
  }

  @Test
  void factoryNamesTheUpstreamSource() {
    AlpineSecDbUpdaterFactory factory = new AlpineSecDbUpdaterFactory();

    assertThat(factory.name()).isEqualTo("alpine");
    assertThat(factory.defaultSource()).isEqualTo(URI.create("https://secdb.alpinelinux.org/"));
    AlpineSecDbUpdater updater =
        (AlpineSecDbUpdater) factory.create(URI.create("file:/srv/secdb"), client);
    assertThat(updater.name()).isEqualTo("alpine");
    assertThat(updater.source()).isEqualTo(URI.create("file:/srv/secdb/"));
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
