package dev.vigil.ecosystem.epss;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Brings in FIRST's EPSS scores: {@value #GZ_FILE} below the source (upstream {@code
 * https://epss.empiricalsecurity.com/}), or {@value #PLAIN_FILE} where a mirror has no compressed
 * copy, conditionally on the last fetch's validators. Thread-safe: it holds no state between calls.
 */
public final class EpssUpdater implements EnrichmentUpdater {
  /** The updater's name. */
  public static final String NAME = "epss";

  /** The current scores, gzip-compressed, as FIRST publishes them. */
  public static final String GZ_FILE = "epss_scores-current.csv.gz";

  /** The current scores, uncompressed, as a mirror may keep them. */
  public static final String PLAIN_FILE = "epss_scores-current.csv";

  private static final String FETCHED = "epss_scores.csv";

  private final URI source;
  private final FeedClient client;

  /** An updater reading from {@code source}, upstream or a mirror laid out the same way. */
  public EpssUpdater(URI source, FeedClient client) {
    this.source = FeedClient.directory(source);
    this.client = client;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    Path target = dir.resolve(FETCHED);
    try {
      return FetchResult.ofOneFile(client, source.resolve(GZ_FILE), previousFingerprint, target);
    } catch (FeedNotFoundException e) {
      return FetchResult.ofOneFile(client, source.resolve(PLAIN_FILE), previousFingerprint, target);
    }
  }

  @Override
  public Scope parseEnrichments(Path dir, Consumer<EnrichmentRecord> sink) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve(FETCHED))) {
      EpssCsvParser.parse(in, FETCHED, sink);
    }
    return Scope.ALL;
  }
}
