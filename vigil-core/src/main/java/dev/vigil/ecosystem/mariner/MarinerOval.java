package dev.vigil.ecosystem.mariner;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import dev.vigil.model.Distribution;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Microsoft's OVAL for CBL-Mariner and Azure Linux, the {@code mariner} updater: every {@code
 * cbl-mariner-<major.minor>-oval.xml} and {@code azurelinux-<major.minor>-oval.xml} its source
 * lists (upstream the AzureLinuxVulnerabilityData repository), read by {@link RpmOvalParser}.
 * Microsoft publishes a definition per CVE and binary package ({@code CVE-2023-51714 affecting
 * package qt5-qtbase 5.12.11-10}) with one {@code rpminfo_test} whose state is an {@code evr}
 * bound: {@code less than} V means fixed in V; {@code less than or equal} V means no patch yet,
 * every version up to V affected (a vulnerability without fix whose package version holds V). Raw
 * GitHub serves no directory listing, so {@code vigil update} runs it only when named, normally
 * with {@code --source mariner=} a mirror directory (a {@code file:} URI or an HTTP index).
 */
public final class MarinerOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "mariner";

  /** The raw directory of Microsoft's AzureLinuxVulnerabilityData repository. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://raw.githubusercontent.com/microsoft/AzureLinuxVulnerabilityData/main/");

  private static final Pattern FILE =
      Pattern.compile("((?:cbl-mariner|azurelinux)-\\d+\\.\\d+)-oval\\.xml");

  private static final String AZURE_PREFIX = "azurelinux-";

  private MarinerOval() {}

  /** The factory of {@code mariner} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(
        NAME,
        DEFAULT_SOURCE,
        FILE,
        new RpmOvalParser(NAME, (file, stated) -> distribution(file))::parse,
        false);
  }

  /**
   * The distribution a file's release names, e.g. {@code cbl-mariner-2.0} (did {@code mariner},
   * version id {@code 2.0}) or {@code azurelinux-3.0} (did {@code azurelinux}).
   */
  static Distribution distribution(String release) {
    boolean azure = release.startsWith(AZURE_PREFIX);
    String versionId = release.substring(release.lastIndexOf('-') + 1);
    String did = azure ? MarinerReleaseScanner.AZURE_LINUX : MarinerReleaseScanner.MARINER;
    String name = azure ? "Azure Linux" : "CBL-Mariner";
    return RpmOvalParser.distribution(did, name, versionId);
  }
}
