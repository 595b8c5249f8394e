package dev.vigil.ecosystem.oracle;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import dev.vigil.model.Distribution;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Oracle's ELSA OVAL, the {@code oracle} updater: {@code com.oracle.elsa-all.xml.bz2}, every Oracle
 * Linux release's errata in one file, fetched by name (as Clair and vunnel do), read by {@link
 * RpmOvalParser}. A definition states each release in its own branch ("Oracle Linux 8 is installed"
 * on {@code oraclelinux-release}, version {@code ^8}), so statements are keyed by the major version
 * the branch names; "is signed with the Oracle Linux 8 key" holds for the packages Oracle builds,
 * "Oracle Linux arch is aarch64" becomes an architecture constraint and "is ksplice-based" ties the
 * statement to Oracle's ksplice builds ({@code .ksplice1.} releases), which {@link OracleMatcher}
 * keeps apart from normal builds.
 */
public final class OracleOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "oracle";

  /** Oracle's OVAL directory. */
  public static final URI DEFAULT_SOURCE = URI.create("https://linux.oracle.com/security/oval/");

  /** The file fetched. */
  public static final String ALL = "com.oracle.elsa-all.xml.bz2";

  private static final Pattern FILE = Pattern.compile("com\\.oracle\\.elsa-(all)\\.xml\\.bz2");

  private OracleOval() {}

  /** The factory of {@code oracle} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(NAME, DEFAULT_SOURCE, FILE, parser()::parse, true, List.of(ALL));
  }

  /** The parser of ELSA OVAL documents. */
  static RpmOvalParser parser() {
    return new RpmOvalParser(
        NAME, (file, stated) -> stated.isEmpty() ? null : distribution(stated));
  }

  /** Oracle Linux of a major version, e.g. {@code 8}. */
  static Distribution distribution(String major) {
    return RpmOvalParser.distribution(OracleReleaseScanner.DID, "Oracle Linux", major);
  }
}
