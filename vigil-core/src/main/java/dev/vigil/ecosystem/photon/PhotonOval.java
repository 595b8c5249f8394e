package dev.vigil.ecosystem.photon;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * VMware's Photon OS OVAL, the {@code photon} updater: {@code com.vmware.phsa-photon<major>.xml}
 * (or its {@code .gz}, fetched instead when both are listed) for every release its source lists,
 * read by {@link RpmOvalParser}: "Photon OS 3 is installed" ({@code photon-release} version {@code
 * ^3[^\d]}) must agree with the file, "is signed with VMware key" holds for VMware's packages.
 */
public final class PhotonOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "photon";

  /** The publisher's OVAL directory. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://packages.vmware.com/photon/photon_oval_definitions/");

  private static final Pattern FILE =
      Pattern.compile("com\\.vmware\\.phsa-photon(\\d+)\\.xml(?:\\.gz|\\.bz2)?");

  private PhotonOval() {}

  /** The factory of {@code photon} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(NAME, DEFAULT_SOURCE, FILE, parser()::parse, true);
  }

  /** The parser of one release's file. */
  static RpmOvalParser parser() {
    return new RpmOvalParser(
        NAME, RpmOvalParser.DistributionNamer.perFile(PhotonReleaseScanner.DID, "Photon OS"));
  }
}
