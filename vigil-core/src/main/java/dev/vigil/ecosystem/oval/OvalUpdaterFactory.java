package dev.vigil.ecosystem.oval;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes {@link OvalUpdater}s for one publisher's per-release OVAL files.
 *
 * @param name the updater's name
 * @param defaultSource the publisher's directory
 * @param file the per-release files' names, whose first group is the release
 * @param parser reads each file
 * @param runsByDefault whether {@code vigil update} runs it without being named
 * @param fixedNames the files to fetch without listing the directory, or empty to list it
 */
public record OvalUpdaterFactory(
    String name,
    URI defaultSource,
    Pattern file,
    OvalUpdater.ReleaseParser parser,
    boolean runsByDefault,
    List<String> fixedNames)
    implements UpdaterFactory {

  /** Keeps an unmodifiable copy. */
  public OvalUpdaterFactory {
    fixedNames = List.copyOf(fixedNames);
  }

  /** A factory of updaters that list the source directory. */
  public OvalUpdaterFactory(
      String name,
      URI defaultSource,
      Pattern file,
      OvalUpdater.ReleaseParser parser,
      boolean runsByDefault) {
    this(name, defaultSource, file, parser, runsByDefault, List.of());
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new OvalUpdater(name, source, file, fixedNames, parser, client);
  }
}
