package dev.vigil.cli.db;

import dev.vigil.cli.options.UpdaterSelection;
import dev.vigil.cli.output.Outputs;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import dev.vigil.updater.ScratchDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil db export FILE}: fetches every selected feed afresh into a staging directory and
 * packs the raw files, with a manifest of fingerprints and SHA-256s, into one {@code .tar.gz}.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the feeds (unconditionally) and writes their raw files to FILE, a versioned"
          + " .tar.gz with a manifest, for 'vigil db import' on a machine without network.",
      "The store is not read: an export always carries the sources' current data."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:FILE was written", "2:a feed could not be fetched; FILE was not written"})
final class DbExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin UpdaterSelection selection = new UpdaterSelection();

  @Parameters(index = "0", paramLabel = "FILE", description = "The archive to write.")
  Path file;

  @Override
  public Integer call() throws IOException {
    List<Updater> updaters = selection.updaters(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    Path target = file.toAbsolutePath();
    if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
      throw new IOException("db export: no such directory for " + file);
    }
    try (ScratchDirectory staging = ScratchDirectory.create("vigil-export")) {
      List<ArchiveManifest.Feed> feeds = new ArrayList<>();
      for (Updater updater : updaters) {
        Path dir = Files.createDirectories(staging.dir().resolve(updater.name()));
        FetchResult fetched;
        try {
          fetched = updater.fetch(dir, "");
        } catch (IOException | RuntimeException e) {
          throw new IOException(
              "db export: " + updater.name() + ": " + e.getMessage() + "; nothing written", e);
        }
        ArchiveManifest.Feed feed =
            FeedArchiveWriter.describe(updater.name(), fetched.fingerprint(), dir);
        out.printf("%s: fetched %d files%n", feed.name(), feed.files().size());
        feeds.add(feed);
      }
      ArchiveManifest manifest =
          new ArchiveManifest(
              ArchiveManifest.FORMAT,
              ArchiveManifest.VERSION,
              Instant.now().toString(),
              version(),
              feeds);
      Outputs.writeAtomically(
          target, stream -> FeedArchiveWriter.write(manifest, staging.dir(), stream));
    }
    out.printf("wrote %s (%s)%n", file, DbStatusCommand.bytes(Files.size(target)));
    out.flush();
    return DbCommand.OK;
  }

  /** The version stamped into the jar, or {@code dev} outside a jar. */
  private static String version() {
    String version = DbExportCommand.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
