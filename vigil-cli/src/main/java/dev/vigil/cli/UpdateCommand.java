package dev.vigil.cli;

import dev.vigil.cli.options.StoreOption;
import dev.vigil.cli.options.UpdaterSelection;
import dev.vigil.cli.progress.Progress;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.progress.ProgressListener;
import dev.vigil.spi.Updater;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil update}: run updaters into the store. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Fetches vulnerability feeds into the store (one update operation per updater).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every requested updater succeeded (or had nothing new)",
      "1:some updaters failed; the others' data was committed",
      "2:every requested updater failed, or an error before any ran"
    })
final class UpdateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store = new StoreOption();

  @Mixin UpdaterSelection selection = new UpdaterSelection();

  @Option(
      names = "--no-progress",
      description = "Do not show each updater's steps (fetching, parsing, committing) on stderr.")
  boolean noProgress;

  @Override
  public Integer call() {
    List<Updater> updaters = selection.updaters(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (Datastore datastore = store.open()) {
      ProgressListener progress = Progress.on(err, false, noProgress);
      for (UpdateOutcome outcome : new UpdateManager(datastore, progress).runAll(updaters)) {
        switch (outcome.status()) {
          case UPDATED -> out.printf("%s: updated, %s%n", outcome.updater(), outcome.counted());
          case UNCHANGED -> out.printf("%s: unchanged since the last update%n", outcome.updater());
          case FAILED -> {
            failed++;
            err.printf("%s: failed: %s%n", outcome.updater(), outcome.message());
          }
        }
      }
      datastore.garbageCollect(Defaults.KEPT_UPDATE_OPERATIONS);
    }
    out.flush();
    if (failed == 0) {
      return VigilCli.OK;
    }
    return failed < updaters.size() ? VigilCli.PARTIAL : VigilCli.ERROR;
  }
}
