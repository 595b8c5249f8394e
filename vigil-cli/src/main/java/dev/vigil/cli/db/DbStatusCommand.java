package dev.vigil.cli.db;

import dev.vigil.cli.options.StoreOption;
import dev.vigil.cli.options.UpdaterSelection;
import dev.vigil.datastore.Datastore;
import dev.vigil.model.UpdateOperation;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil db status}: each updater's last run and record count, and the database size. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows each updater's last run, how many records (vulnerabilities, or CVSS, EPSS and KEV"
            + " entries) it holds, and the database size.")
final class DbStatusCommand implements Callable<Integer> {
  private static final String ROW = "%-10s %-20s %15s  %s%n";

  @Spec CommandSpec spec;

  @Mixin StoreOption store = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Datastore datastore = store.open()) {
      out.printf("database: %s (%s)%n", store.location(), bytes(datastore.sizeBytes()));
      Set<String> names = new LinkedHashSet<>(UpdaterSelection.known().keySet());
      names.addAll(datastore.updateOperations().keySet());
      out.printf(ROW, "UPDATER", "LAST RUN", "RECORDS", "FINGERPRINT");
      for (String name : names) {
        Optional<UpdateOperation> last = datastore.latestUpdateOperation(name);
        if (last.isEmpty()) {
          out.printf(ROW, name, "never", "-", "");
          continue;
        }
        UpdateOperation op = last.get();
        out.printf(
            ROW,
            name,
            op.date().truncatedTo(ChronoUnit.SECONDS),
            datastore.vulnerabilityCount(op.ref()) + datastore.enrichmentCount(op.ref()),
            abbreviate(op.fingerprint()));
      }
    }
    out.flush();
    return DbCommand.OK;
  }

  private static String abbreviate(String fingerprint) {
    String oneLine = fingerprint.replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  /** A byte count as people read it: {@code 512 B}, {@code 36.3 MiB}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = count;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
