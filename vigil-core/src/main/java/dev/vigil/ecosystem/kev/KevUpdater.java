package dev.vigil.ecosystem.kev;

import dev.vigil.feed.FeedClient;
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
 * Brings in CISA's Known Exploited Vulnerabilities catalog, {@value #FILE} below the source
 * (upstream {@code https://www.cisa.gov/sites/default/files/feeds/}), conditionally on the last
 * fetch's validators. Thread-safe: it holds no state between calls.
 */
public final class KevUpdater implements EnrichmentUpdater {
  /** The updater's name. */
  public static final String NAME = "kev";

  /** The catalog's file name, upstream and in mirrors. */
  public static final String FILE = "known_exploited_vulnerabilities.json";

  private final URI source;
  private final FeedClient client;

  /** An updater reading from {@code source}, upstream or a mirror laid out the same way. */
  public KevUpdater(URI source, FeedClient client) {
    this.source = FeedClient.directory(source);
    this.client = client;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    return FetchResult.ofOneFile(
        client, source.resolve(FILE), previousFingerprint, dir.resolve(FILE));
  }

  @Override
  public Scope parseEnrichments(Path dir, Consumer<EnrichmentRecord> sink) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve(FILE))) {
      KevCatalogParser.parse(in, FILE, sink);
    }
    return Scope.ALL;
  }
}
