package dev.vigil.ecosystem.amazon;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import dev.vigil.model.Distribution;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches installed Amazon Linux rpms (os-release {@code ID} {@code amzn}) against the ALAS
 * updateinfo of their release by binary package: {@code VERSION_ID} {@code 2} and {@code 2023} as
 * they are; every Amazon Linux 1 release ({@code 2017.09}, {@code 2018.03}) against the {@code
 * 2018.03} repository, which Amazon Linux 1 updates from whatever its release.
 *
 * <p>Stateless and thread-safe.
 */
public final class AmazonMatcher extends RpmMatcher {
  private static final Pattern AMAZON_LINUX_1 = Pattern.compile("\\d{4}\\.\\d{2}");

  /** The matcher. */
  public AmazonMatcher() {
    super(AmazonAlas.NAME, Set.of(AmazonReleaseScanner.DID), AmazonMatcher::release);
  }

  private static String release(Distribution image) {
    String versionId = image.versionId() == null ? "" : image.versionId();
    return AMAZON_LINUX_1.matcher(versionId).matches()
        ? AmazonAlas.RELEASES.get(0).versionId()
        : versionId;
  }
}
