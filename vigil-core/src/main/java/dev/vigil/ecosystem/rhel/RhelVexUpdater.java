package dev.vigil.ecosystem.rhel;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in Red Hat's CSAF VEX data: the source is the VEX directory ({@code
 * https://security.access.redhat.com/data/csaf/v2/vex/}), whose {@code changes.csv} lists every
 * document as {@code "<year>/cve-<year>-<n>.json","<changed at>"}; documents in the optional {@code
 * deletions.csv} are left out. Red Hat's repository-to-CPE map is fetched alongside from {@code
 * ../../../metrics/repository-to-cpe.json} (the same site's {@code data/metrics/}). Fetch is
 * conditional on the validators of those two files; when either changed, every listed document is
 * fetched into {@code <dir>/vex/<year>/}. Parse reads the map and every document; one malformed
 * document fails the whole parse, so nothing of that update is stored.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class RhelVexUpdater implements Updater {
  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "rhel";

  private static final Logger LOG = LoggerFactory.getLogger(RhelVexUpdater.class);
  private static final String CHANGES = "changes.csv";
  private static final String DELETIONS = "deletions.csv";
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
    URI changes = source.resolve(CHANGES);
    URI map = source.resolve(MAP);
    Path changesFile = dir.resolve(CHANGES);
    Path mapFile = dir.resolve(RepositoryToCpe.FILE);
    FeedResponse listed = fetch(changes, previous, changesFile, next);
    FeedResponse mapped = fetch(map, previous, mapFile, next);
    boolean changed =
        !listed.notModified() || !mapped.notModified() || !next.keySet().equals(previous.keySet());
    if (!changed) {
      return new FetchResult(false, Fingerprint.encode(next));
    }
    if (listed.notModified()) {
      next.put(
          changes.toString(), client.fetch(changes, Validators.NONE, changesFile).validators());
    }
    if (mapped.notModified()) {
      next.put(map.toString(), client.fetch(map, Validators.NONE, mapFile).validators());
    }
    Set<String> documents = documents(changesFile);
    documents.removeAll(deletions(dir));
    for (String document : documents) {
      client.fetch(source.resolve(document), Validators.NONE, dir.resolve(VEX).resolve(document));
    }
    LOG.atInfo()
        .setMessage("rhel: fetched the VEX documents")
        .addKeyValue("source", source)
        .addKeyValue("documents", documents.size())
        .log();
    return new FetchResult(true, Fingerprint.encode(next));
  }

  private FeedResponse fetch(
      URI uri,
      SortedMap<String, Validators> previous,
      Path target,
      SortedMap<String, Validators> next)
      throws IOException {
    FeedResponse response =
        client.fetch(uri, previous.getOrDefault(uri.toString(), Validators.NONE), target);
    next.put(uri.toString(), response.validators());
    return response;
  }

  /** The documents {@code deletions.csv} lists; none when the source has no such file. */
  private Set<String> deletions(Path dir) throws IOException {
    Path file = dir.resolve(DELETIONS);
    try {
      client.fetch(source.resolve(DELETIONS), Validators.NONE, file);
    } catch (FeedNotFoundException e) {
      return Set.of();
    }
    return documents(file);
  }

  /**
   * The document paths of a {@code changes.csv}-style list: the first column, unquoted.
   *
   * @throws ScanException for an entry that is not {@code <year>/cve-<year>-<n>.json}
   */
  static Set<String> documents(Path list) throws IOException {
    Set<String> documents = new LinkedHashSet<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String first = line.split(",", 2)[0].trim().replace("\"", "");
      if (!DOCUMENT.matcher(first).matches()) {
        throw new ScanException(
            "rhel: "
                + list.getFileName()
                + ": unexpected entry "
                + first.strip()
                + " (want <year>/cve-<year>-<n>.json)");
      }
      documents.add(first);
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
