package dev.vigil.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed archive is unpacked only when it is complete, intact, safe and of a known version. */
class FeedArchiveReaderTest {
  private static final byte[] SECDB = "{\"packages\":[]}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  @Test
  void aWrittenArchiveReadsBack() throws IOException {
    Path feeds = Files.createDirectories(tmp.resolve("staging"));
    Files.createDirectories(feeds.resolve("alpine/v3.10"));
    Files.write(feeds.resolve("alpine/v3.10/main.json"), SECDB);
    ArchiveManifest.Feed feed =
        FeedArchiveWriter.describe("alpine", "etag-1", feeds.resolve("alpine"));
    ArchiveManifest manifest = manifest(1, List.of(feed));
    Path archive = tmp.resolve("a.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive)) {
      FeedArchiveWriter.write(manifest, feeds, out);
    }

    Path into = Files.createDirectory(tmp.resolve("into"));
    ArchiveManifest read = FeedArchiveReader.read(archive, into, Set.of("alpine"));

    assertThat(read).isEqualTo(manifest);
    assertThat(into.resolve("feeds/alpine/v3.10/main.json")).hasBinaryContent(SECDB);
  }

  @Test
  void refusesAFileThatDoesNotMatchItsHash() throws IOException {
    Map<String, byte[]> entries = valid();
    entries.put("feeds/alpine/v3.10/main.json", "{}".getBytes(StandardCharsets.UTF_8));

    assertRefused(entries, Set.of("alpine"), "does not match its sha256");
  }

  @Test
  void refusesAnotherFormatVersion() throws IOException {
    Map<String, byte[]> entries = valid();
    entries.put(ArchiveManifest.ENTRY, Json.mapper().writeValueAsBytes(manifest(2, List.of())));

    assertRefused(entries, Set.of("alpine"), "format version 2 is not supported");
  }

  @Test
  void refusesAnUpdaterThisBuildLacks() throws IOException {
    assertRefused(valid(), Set.of("debian"), "updater 'alpine', which this vigil does not have");
  }

  @Test
  void refusesPathsThatLeaveTheArchive() throws IOException {
    Map<String, byte[]> entries = valid();
    entries.put("feeds/alpine/../../../escaped", SECDB);

    assertRefused(entries, Set.of("alpine"), "unsafe or unexpected path");
    assertThat(tmp.getParent().resolve("escaped")).doesNotExist();
  }

  @Test
  void refusesUnlistedFilesAndMissingManifests() throws IOException {
    Map<String, byte[]> extra = valid();
    extra.put("feeds/alpine/v3.10/community.json", SECDB);
    assertRefused(extra, Set.of("alpine"), "files its manifest does not list");

    Map<String, byte[]> headless = valid();
    headless.remove(ArchiveManifest.ENTRY);
    assertRefused(headless, Set.of("alpine"), "it has no manifest.json");
  }

  private void assertRefused(Map<String, byte[]> entries, Set<String> known, String why)
      throws IOException {
    Path archive = Files.createTempFile(tmp, "archive", ".tar.gz");
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
      for (var e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    Path into = Files.createTempDirectory(tmp, "into");
    assertThatThrownBy(() -> FeedArchiveReader.read(archive, into, known))
        .hasMessageStartingWith("db import: refused the archive: ")
        .hasMessageContaining(why);
  }

  private static Map<String, byte[]> valid() throws IOException {
    String sha = HexFormat.of().formatHex(FeedArchiveWriter.newDigest().digest(SECDB));
    ArchiveManifest.Feed feed =
        new ArchiveManifest.Feed(
            "alpine",
            "etag-1",
            List.of(new ArchiveManifest.FileEntry("v3.10/main.json", SECDB.length, sha)));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(ArchiveManifest.ENTRY, Json.mapper().writeValueAsBytes(manifest(1, List.of(feed))));
    entries.put("feeds/alpine/v3.10/main.json", SECDB);
    return entries;
  }

  private static ArchiveManifest manifest(int version, List<ArchiveManifest.Feed> feeds) {
    return new ArchiveManifest(
        ArchiveManifest.FORMAT, version, "2026-11-26T00:00:00Z", "dev", feeds);
  }
}
