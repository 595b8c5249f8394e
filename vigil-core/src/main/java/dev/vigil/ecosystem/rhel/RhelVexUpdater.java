package dev.vigil.ecosystem.rhel;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import dev.vigil.layer.Compression;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in Red Hat's CSAF VEX data: the source is the VEX directory ({@code
 * https://security.access.redhat.com/data/csaf/v2/vex/}), whose {@code changes.csv} lists every
 * document as {@code "<year>/cve-<year>-<n>.json","<changed at>"}; documents in the optional {@code
 * deletions.csv} are left out. Where the source has {@code archive_latest.txt}, the bulk archive it
 * names ({@code csaf_vex_<date>.tar.zst}) is unpacked and only the documents changed since its date
 * are fetched one by one; without it, every listed document is. Red Hat's repository-to-CPE map is
 * fetched alongside from {@code ../../../metrics/repository-to-cpe.json} (the same site's {@code
 * data/metrics/}). Fetch is conditional on the validators of those three files; when one changed,
 * the documents land in {@code <dir>/vex/<year>/}. Parse reads the map and every document; one
 * malformed document fails the whole parse, so nothing of that update is stored.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class RhelVexUpdater implements Updater {
  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "rhel";

  private static final Logger LOG = LoggerFactory.getLogger(RhelVexUpdater.class);
  private static final String CHANGES = "changes.csv";
  private static final String DELETIONS = "deletions.csv";
  private static final String ARCHIVE_LATEST = "archive_latest.txt";
  private static final Pattern ARCHIVE =
      Pattern.compile("csaf_vex_(\\d{4}-\\d{2}-\\d{2})\\.tar\\.zst");
  private static final String VEX = "vex";
  private static final String MAP = "../../../metrics/" + RepositoryToCpe.FILE;
  private static final Pattern DOCUMENT = Pattern.compile("\\d{4}/cve-\\d{4}-\\d+\\.json");

  private final URI source;
  private final FeedClient client;

  /**
   * An updater reading the VEX directory {@code source}, over http(s) or a {@code file:} mirror.
   */
  public RhelVexUpdater(URI source, FeedClient client) {
    this.source = FeedClient.directory(source);
    this.client = client;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    SortedMap<String, Validators> next = new TreeMap<>();
    Map<URI, Path> files = new LinkedHashMap<>();
    files.put(source.resolve(CHANGES), dir.resolve(CHANGES));
    files.put(source.resolve(MAP), dir.resolve(RepositoryToCpe.FILE));
    files.put(source.resolve(ARCHIVE_LATEST), dir.resolve(ARCHIVE_LATEST));
    Map<URI, Path> unchanged = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<URI, Path> file : files.entrySet()) {
      URI uri = file.getKey();
      FeedResponse response;
      try {
        response =
            client.fetch(
                uri, previous.getOrDefault(uri.toString(), Validators.NONE), file.getValue());
      } catch (FeedNotFoundException e) {
        if (uri.toString().endsWith(ARCHIVE_LATEST)) {
          continue; // a mirror without the bulk archive: every document is fetched one by one
        }
        throw e;
      }
      next.put(uri.toString(), response.validators());
      if (response.notModified()) {
        unchanged.put(uri, file.getValue());
      } else {
        changed = true;
      }
    }
    changed |= !next.keySet().equals(previous.keySet());
    if (!changed) {
      return new FetchResult(false, Fingerprint.encode(next));
    }
    for (Map.Entry<URI, Path> file : unchanged.entrySet()) {
      next.put(
          file.getKey().toString(),
          client.fetch(file.getKey(), Validators.NONE, file.getValue()).validators());
    }
    String archivedOn = extractArchive(dir);
    Map<String, String> documents = documents(dir.resolve(CHANGES));
    for (String deleted : deletions(dir)) {
      documents.remove(deleted);
      Files.deleteIfExists(dir.resolve(VEX).resolve(deleted));
    }
    int fetched = 0;
    for (Map.Entry<String, String> document : documents.entrySet()) {
      if (document.getValue().compareTo(archivedOn) >= 0) {
        Path target = dir.resolve(VEX).resolve(document.getKey());
        client.fetch(source.resolve(document.getKey()), Validators.NONE, target);
        fetched++;
      }
    }
    LOG.atInfo()
        .setMessage("rhel: fetched the VEX documents")
        .addKeyValue("source", source)
        .addKeyValue("archive", archivedOn.isEmpty() ? "none" : archivedOn)
        .addKeyValue("documents", fetched)
        .log();
    return new FetchResult(true, Fingerprint.encode(next));
  }

  /**
   * Unpacks the bulk archive {@code archive_latest.txt} names ({@code csaf_vex_<date>.tar.zst})
   * into {@code <dir>/vex/}; returns its date, or an empty string when the source has no archive.
   */
  private String extractArchive(Path dir) throws IOException {
    Path latest = dir.resolve(ARCHIVE_LATEST);
    if (!Files.isRegularFile(latest)) {
      return "";
    }
    String name = Files.readString(latest, StandardCharsets.UTF_8).strip();
    Matcher m = ARCHIVE.matcher(name);
    if (!m.matches()) {
      throw new ScanException("rhel: " + ARCHIVE_LATEST + ": unexpected archive name " + name);
    }
    Path archive = dir.resolve(name);
    client.fetch(source.resolve(name), Validators.NONE, archive);
    int count = 0;
    try (InputStream raw = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(Compression.decompress(raw))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String path =
            entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (entry.isFile() && DOCUMENT.matcher(path).matches()) {
          Path target = dir.resolve(VEX).resolve(path);
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          count++;
        }
      }
    } catch (IOException e) {
      throw new ScanException(
          "rhel: " + name + ": not a readable tar.zst archive: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(archive);
    }
    LOG.atInfo()
        .setMessage("rhel: unpacked the VEX archive")
        .addKeyValue("archive", name)
        .addKeyValue("documents", count)
        .log();
    return m.group(1);
  }

  /** The documents {@code deletions.csv} lists; none when the source has no such file. */
  private Set<String> deletions(Path dir) throws IOException {
    Path file = dir.resolve(DELETIONS);
    try {
      client.fetch(source.resolve(DELETIONS), Validators.NONE, file);
    } catch (FeedNotFoundException e) {
      return Set.of();
    }
    return documents(file).keySet();
  }

  /**
   * The documents of a {@code changes.csv}-style list, with when each changed: the first column,
   * unquoted, and the second.
   *
   * @throws ScanException for an entry that is not {@code <year>/cve-<year>-<n>.json}
   */
  static Map<String, String> documents(Path list) throws IOException {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.replace("\"", "").split(",", 2);
      String path = columns[0].trim();
      if (!DOCUMENT.matcher(path).matches()) {
        throw new ScanException(
            "rhel: "
                + list.getFileName()
                + ": unexpected entry "
                + path
                + " (want <year>/cve-<year>-<n>.json)");
      }
      documents.put(path, columns.length > 1 ? columns[1].trim() : "");
    }
    return documents;
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    List<Vulnerability> out = new ArrayList<>();
    Path map = dir.resolve(RepositoryToCpe.FILE);
    if (Files.isRegularFile(map)) {
      out.addAll(RepositoryToCpe.rows(NAME, RepositoryToCpe.read(map)));
    }
    Path vex = dir.resolve(VEX);
    if (!Files.isDirectory(vex)) {
      throw new ScanException("rhel: " + dir + " holds no VEX documents");
    }
    VexParser parser = new VexParser(NAME);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(vex)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      out.addAll(parser.parse(file));
    }
    return List.copyOf(out);
  }
}
