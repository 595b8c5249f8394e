package dev.vigil.ecosystem.debian;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in the Debian Security Tracker's JSON, {@code <source>tracker/data/json} (upstream {@code
 * https://security-tracker.debian.org/}), conditionally on the validators of the last fetch, and
 * reads it with {@link TrackerJsonParser}: vulnerabilities keyed by source package, per release,
 * with the tracker's urgency.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class DebianTrackerUpdater implements Updater {
  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "debian";

  /** Where the JSON lives below the source. */
  public static final String PATH = "tracker/data/json";

  private static final Logger LOG = LoggerFactory.getLogger(DebianTrackerUpdater.class);
  private static final String FILE = "tracker.json";

  private final URI source;
  private final FeedClient client;

  /** An updater reading from {@code source}, upstream or a mirror laid out the same way. */
  public DebianTrackerUpdater(URI source, FeedClient client) {
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
    URI uri = source.resolve(PATH);
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    FeedResponse response =
        client.fetch(
            uri, previous.getOrDefault(uri.toString(), Validators.NONE), dir.resolve(FILE));
    return new FetchResult(
        !response.notModified(), Fingerprint.encode(Map.of(uri.toString(), response.validators())));
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    TrackerJsonParser.Result result;
    try (InputStream in = Files.newInputStream(dir.resolve(FILE))) {
      result = new TrackerJsonParser(NAME).parse(in, PATH);
    }
    if (result.skipped() > 0) {
      LOG.atWarn()
          .setMessage("debian: skipped malformed tracker entries")
          .addKeyValue("skipped", result.skipped())
          .log();
    }
    return result.vulnerabilities();
  }
}
