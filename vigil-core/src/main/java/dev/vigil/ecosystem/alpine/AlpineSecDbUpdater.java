package dev.vigil.ecosystem.alpine;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in the Alpine secdb: every branch the source lists ({@code v3.x/}, {@code edge/}), each
 * with its {@code main.json} and, where it exists, {@code community.json}. Fetch writes them as
 * {@code <dir>/<branch>/<repo>.json}, conditionally on the validators recorded in the fingerprint;
 * when anything changed, the unchanged files are fetched again so that the directory is always
 * whole. A branch without {@code main.json} may hold the older YAML form, {@code main.yaml} and
 * {@code community.yaml}, which is fetched instead. Parse reads every {@code <branch>/<repo>.json}
 * and {@code .yaml} below the directory.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class AlpineSecDbUpdater implements Updater {
  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "alpine";

  private static final Logger LOG = LoggerFactory.getLogger(AlpineSecDbUpdater.class);
  private static final Pattern BRANCH = Pattern.compile("(v\\d+\\.\\d+|edge)/?");
  private static final String MAIN = "main";
  private static final String COMMUNITY = "community";

  private final URI source;
  private final FeedClient client;

  /**
   * An updater reading from {@code source}, e.g. {@code https://secdb.alpinelinux.org/} or a {@code
   * file:} directory laid out the same way.
   */
  public AlpineSecDbUpdater(URI source, FeedClient client) {
    this.source = FeedClient.directory(source);
    this.client = client;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The source this updater reads, with a trailing slash. */
  public URI source() {
    return source;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    SortedMap<String, Validators> next = new TreeMap<>();
    Map<URI, Path> unchanged = new TreeMap<>();
    boolean changed = false;
    for (String branch : branches()) {
      String format = ".json";
      for (String repo : List.of(MAIN, COMMUNITY)) {
        URI uri = source.resolve(branch + "/" + repo + format);
        Path target = dir.resolve(branch).resolve(repo + format);
        FeedResponse response = fetchOne(uri, previous, target, true);
        if (response == null && repo.equals(MAIN)) {
          format = ".yaml";
          URI yamlUri = source.resolve(branch + "/" + repo + format);
          target = dir.resolve(branch).resolve(repo + format);
          response = fetchOne(yamlUri, previous, target, true);
          if (response == null) {
            throw new FeedNotFoundException("feed: no such file " + uri);
          }
          uri = yamlUri;
        }
        if (response == null) {
          continue;
        }
        next.put(uri.toString(), response.validators());
        if (response.notModified()) {
          unchanged.put(uri, target);
        } else {
          changed = true;
        }
      }
    }
    changed |= !next.keySet().equals(previous.keySet());
    if (changed) {
      for (Map.Entry<URI, Path> file : unchanged.entrySet()) {
        FeedResponse response = client.fetch(file.getKey(), Validators.NONE, file.getValue());
        next.put(file.getKey().toString(), response.validators());
      }
    }
    LOG.atInfo()
        .setMessage("alpine: fetched the secdb")
        .addKeyValue("source", source)
        .addKeyValue("files", next.size())
        .addKeyValue("changed", changed)
        .log();
    return new FetchResult(changed, Fingerprint.encode(next));
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    SecDbParser parser = new SecDbParser(NAME);
    List<Vulnerability> out = new ArrayList<>();
    for (Path branch : sorted(dir)) {
      if (Files.isDirectory(branch)) {
        for (Path file : sorted(branch)) {
          String name = file.getFileName().toString();
          if ((name.endsWith(".json") || SecDbParser.isYaml(file)) && Files.isRegularFile(file)) {
            out.addAll(parser.parse(file));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The branch names the source lists, without trailing slashes. */
  private List<String> branches() throws IOException {
    Set<String> branches = new LinkedHashSet<>();
    for (String entry : client.listDirectory(source)) {
      Matcher m = BRANCH.matcher(entry);
      if (m.matches()) {
        branches.add(m.group(1));
      }
    }
    if (branches.isEmpty()) {
      throw new IOException("alpine: " + source + " lists no secdb branches (v3.x/, edge/)");
    }
    return List.copyOf(branches);
  }

  /**
   * Fetches one file, conditionally on its validators in {@code previous}; null when an optional
   * file does not exist.
   */
  private FeedResponse fetchOne(
      URI uri, Map<String, Validators> previous, Path target, boolean optional) throws IOException {
    try {
      return client.fetch(uri, previous.getOrDefault(uri.toString(), Validators.NONE), target);
    } catch (FeedNotFoundException e) {
      if (!optional) {
        throw e;
      }
      LOG.atDebug().setMessage("alpine: no such secdb file").addKeyValue("uri", uri).log();
      return null;
    }
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }
}
