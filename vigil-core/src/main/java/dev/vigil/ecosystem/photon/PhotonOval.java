package dev.vigil.ecosystem.photon;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
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

  private static final OvalUpdaterFactory FACTORY =
      RpmOvalParser.perReleaseFiles(
          NAME,
          URI.create("https://packages.vmware.com/photon/photon_oval_definitions/"),
          Pattern.compile("com\\.vmware\\.phsa-photon(\\d+)\\.xml(?:\\.gz|\\.bz2)?"),
          PhotonReleaseScanner.DID,
          "Photon OS");

  private PhotonOval() {}

  /** The factory of {@code photon} updaters. */
  public static OvalUpdaterFactory updaterFactory() {
    return FACTORY;
  }
}
