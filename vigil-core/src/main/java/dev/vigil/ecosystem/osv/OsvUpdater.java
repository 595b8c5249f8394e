package dev.vigil.ecosystem.osv;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedSet;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in OSV's data for the language ecosystems of {@link OsvEcosystem}: the per-ecosystem
 * archives {@code <ecosystem>/all.zip} of {@code
 * https://osv-vulnerabilities.storage.googleapis.com/} or of a mirror laid out the same way. Fetch
 * writes them as {@code <dir>/<ecosystem>/all.zip}, conditionally on the validators recorded in the
 * fingerprint; when any changed, the unchanged ones are fetched again so that the directory is
 * always whole. Parse streams each archive (see {@link OsvArchive}), reads each record's statements
 * about the archive's ecosystem ({@link OsvRecordReader}) and keeps one record per alias group and
 * package ({@link AliasDeduplication}).
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class OsvUpdater implements Updater {
  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "osv";

  private static final Logger LOG = LoggerFactory.getLogger(OsvUpdater.class);
  private static final String ARCHIVE = "all.zip";

  private final URI source;
  private final FeedClient client;

  /** An updater of every ecosystem, reading from {@code source}. */
  public OsvUpdater(URI source, FeedClient client) {
    this.source = FeedClient.directory(source);
    this.client = client;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    Map<URI, Path> files = new LinkedHashMap<>();
    for (OsvEcosystem ecosystem : OsvEcosystem.values()) {
      files.put(
          source.resolve(ecosystem.osvName() + "/" + ARCHIVE),
          dir.resolve(ecosystem.osvName()).resolve(ARCHIVE));
    }
    FeedSet.Result fetched = FeedSet.fetch(client, files, previousFingerprint);
    LOG.atInfo()
        .setMessage("osv: fetched the ecosystem archives")
        .addKeyValue("source", source)
        .addKeyValue("archives", files.size())
        .addKeyValue("changed", fetched.changed())
        .log();
    return new FetchResult(fetched.changed(), fetched.fingerprint());
  }

  @Override
  public List<Vulnerability> parse(Path dir) throws IOException {
    AliasDeduplication records = new AliasDeduplication();
    for (OsvEcosystem ecosystem : OsvEcosystem.values()) {
      Path zip = dir.resolve(ecosystem.osvName()).resolve(ARCHIVE);
      if (!Files.isRegularFile(zip)) {
        continue;
      }
      OsvRecordReader reader = new OsvRecordReader(ecosystem);
      String label = ecosystem.osvName() + "/" + ARCHIVE;
      OsvArchive.read(
          zip, label, (node, where) -> reader.read(node, where).ifPresent(records::add));
    }
    return List.copyOf(records.statements());
  }
}
