package dev.vigil.cli.db;

import dev.vigil.cli.options.DurationConverter;
import dev.vigil.cli.options.StoreOption;
import dev.vigil.cli.options.UpdaterSelection;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.feed.FeedClient;
import dev.vigil.feed.Validators;
import dev.vigil.spi.UpdaterFactory;
import dev.vigil.updater.ScratchDirectory;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil db import FILE|URL}: verifies a {@code vigil db export} archive completely, then
 * parses each updater's files from it and commits one update operation per updater; no feed is
 * contacted.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Loads an archive written by 'vigil db export' into the store, without network access"
          + " (beyond downloading ARCHIVE when it is an http(s) URL).",
      "The archive is verified first (format version, updaters, sha256 of every file); a corrupt,"
          + " truncated or incompatible one is refused and the store left unchanged. Each"
          + " updater's data is then committed atomically."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every updater in the archive was imported",
      "1:some updaters failed to parse; the others' data was committed",
      "2:the archive was refused, or every updater failed"
    })
final class DbImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Timeout for downloading an http(s) ARCHIVE (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Parameters(
      index = "0",
      paramLabel = "ARCHIVE",
      description = "The archive: a file path, a file: URL or an http(s) URL.")
  String archive;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, UpdaterFactory> known = UpdaterSelection.known();
    FeedClient client = new FeedClient(timeout);
    try (ScratchDirectory scratch = ScratchDirectory.create("vigil-import")) {
      Path file = locate(client, scratch.dir());
      Path unpacked = Files.createDirectory(scratch.dir().resolve("archive"));
      ArchiveManifest manifest = FeedArchiveReader.read(file, unpacked, known.keySet());
      Path feeds = unpacked.resolve(ArchiveManifest.FEEDS);
      int failed = 0;
      try (Datastore datastore = store.open()) {
        UpdateManager manager = new UpdateManager(datastore);
        for (ArchiveManifest.Feed feed : manifest.updaters()) {
          UpdaterFactory factory = known.get(feed.name());
          Path dir = Files.createDirectories(feeds.resolve(feed.name()));
          UpdateOutcome outcome =
              manager.runFrom(
                  factory.create(factory.defaultSource(), client), dir, feed.fingerprint());
          if (outcome.status() == UpdateOutcome.Status.FAILED) {
            failed++;
            err.printf("%s: failed: %s%n", feed.name(), outcome.message());
          } else {
            out.printf("%s: imported, %s%n", feed.name(), outcome.counted());
          }
        }
        datastore.garbageCollect(Defaults.KEPT_UPDATE_OPERATIONS);
      }
      out.flush();
      if (failed == 0) {
        return DbCommand.OK;
      }
      return failed < manifest.updaters().size() ? DbCommand.PARTIAL : DbCommand.ERROR;
    }
  }

  /** The archive as a local file, downloading an http(s) URL into {@code scratch}. */
  private Path locate(FeedClient client, Path scratch) throws IOException {
    if (archive.startsWith("http://") || archive.startsWith("https://")) {
      Path target = scratch.resolve("download.tar.gz");
      client.fetch(URI.create(archive), Validators.NONE, target);
      return target;
    }
    Path path = archive.startsWith("file:") ? Path.of(URI.create(archive)) : Path.of(archive);
    if (!Files.isRegularFile(path)) {
      throw new IOException("db import: no such archive: " + archive);
    }
    return path;
  }
}
