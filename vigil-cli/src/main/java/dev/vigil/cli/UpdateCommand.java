package dev.vigil.cli;

import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(
      names = "--updaters",
      split = ",",
      paramLabel = "NAME",
      description = "Updaters to run (default: all but alternative sources such as debian-oval).")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "NAME=URL",
      description =
          "Read an updater's feed from a mirror laid out like upstream: an http(s) URL or a"
              + " file: directory (repeatable).")
  Map<String, String> sources = new LinkedHashMap<>();

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "Connect and read timeout per request, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    Map<String, UpdaterFactory> known = new LinkedHashMap<>();
    Defaults.updaterFactories().forEach(f -> known.put(f.name(), f));
    List<String> requested =
        names.isEmpty()
            ? known.values().stream()
                .filter(UpdaterFactory::runsByDefault)
                .map(UpdaterFactory::name)
                .toList()
            : names;
    for (String name : requested) {
      requireKnown(known, name, "--updaters");
    }
    sources.keySet().forEach(name -> requireKnown(known, name, "--source"));
    FeedClient client = new FeedClient(timeout);
    List<Updater> updaters = new ArrayList<>();
    for (String name : requested) {
      UpdaterFactory factory = known.get(name);
      URI source =
          sources.containsKey(name) ? sourceUri(sources.get(name)) : factory.defaultSource();
      updaters.add(factory.create(source, client));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (Datastore datastore = store.open()) {
      for (UpdateOutcome outcome : new UpdateManager(datastore).runAll(updaters)) {
        switch (outcome.status()) {
          case UPDATED ->
              out.printf(
                  "%s: updated, %d vulnerabilities%n",
                  outcome.updater(), outcome.vulnerabilities());
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

  private void requireKnown(Map<String, UpdaterFactory> known, String name, String option) {
    if (!known.containsKey(name)) {
      throw new ParameterException(
          spec.commandLine(),
          option
              + ": unknown updater '"
              + name
              + "' (known: "
              + String.join(", ", known.keySet())
              + ")");
    }
  }

  private URI sourceUri(String text) {
    if (text.startsWith("http://") || text.startsWith("https://") || text.startsWith("file:")) {
      return URI.create(text.endsWith("/") ? text : text + "/");
    }
    // a bare path is a local mirror directory
    return Path.of(text).toAbsolutePath().toUri();
  }
}
