package dev.vigil.ecosystem.oval;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes {@link OvalUpdater}s for one publisher's per-release OVAL files.
 *
 * @param name the updater's name
 * @param defaultSource the publisher's directory
 * @param file the per-release files' names, whose first group is the release
 * @param parser reads each file
 * @param runsByDefault whether {@code vigil update} runs it without being named
 */
public record OvalUpdaterFactory(
    String name,
    URI defaultSource,
    Pattern file,
    OvalUpdater.ReleaseParser parser,
    boolean runsByDefault)
    implements UpdaterFactory {

  @Override
  public Updater create(URI source, FeedClient client) {
    return new OvalUpdater(name, source, file, parser, client);
  }
}
