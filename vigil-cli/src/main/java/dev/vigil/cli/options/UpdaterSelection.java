package dev.vigil.cli.options;

import dev.vigil.ecosystem.Defaults;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --updaters}, {@code --source} and {@code --timeout} options, and the updaters. */
public final class UpdaterSelection {

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

  /**
   * The requested updaters, reading from their chosen sources.
   *
   * @throws ParameterException for an unknown updater name
   */
  public List<Updater> updaters(CommandLine cli) {
    Map<String, UpdaterFactory> known = known();
    List<String> requested =
        names.isEmpty()
            ? known.values().stream()
                .filter(UpdaterFactory::runsByDefault)
                .map(UpdaterFactory::name)
                .toList()
            : names;
    for (String name : requested) {
      requireKnown(cli, known, name, "--updaters");
    }
    sources.keySet().forEach(name -> requireKnown(cli, known, name, "--source"));
    FeedClient client = new FeedClient(timeout);
    List<Updater> updaters = new ArrayList<>();
    for (String name : requested) {
      UpdaterFactory factory = known.get(name);
      URI source =
          sources.containsKey(name) ? sourceUri(sources.get(name)) : factory.defaultSource();
      updaters.add(factory.create(source, client));
    }
    return updaters;
  }

  /** The updater factories this build knows, by name, in their registration order. */
  public static Map<String, UpdaterFactory> known() {
    Map<String, UpdaterFactory> known = new LinkedHashMap<>();
    Defaults.updaterFactories().forEach(f -> known.put(f.name(), f));
    return known;
  }

  private static void requireKnown(
      CommandLine cli, Map<String, UpdaterFactory> known, String name, String option) {
    if (!known.containsKey(name)) {
      throw new ParameterException(
          cli,
          option
              + ": unknown updater '"
              + name
              + "' (known: "
              + String.join(", ", known.keySet())
              + ")");
    }
  }

  private static URI sourceUri(String text) {
    if (text.startsWith("http://") || text.startsWith("https://") || text.startsWith("file:")) {
      return URI.create(text.endsWith("/") ? text : text + "/");
    }
    // a bare path is a local mirror directory
    return Path.of(text).toAbsolutePath().toUri();
  }
}
