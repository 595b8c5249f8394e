package dev.vigil.ecosystem;

import dev.vigil.ecosystem.alma.AlmaMatcher;
import dev.vigil.ecosystem.alma.AlmaOval;
import dev.vigil.ecosystem.alma.AlmaReleaseScanner;
import dev.vigil.ecosystem.alpine.AlpineMatcher;
import dev.vigil.ecosystem.alpine.AlpineReleaseScanner;
import dev.vigil.ecosystem.alpine.AlpineSecDbUpdaterFactory;
import dev.vigil.ecosystem.amazon.AmazonAlas;
import dev.vigil.ecosystem.amazon.AmazonMatcher;
import dev.vigil.ecosystem.amazon.AmazonReleaseScanner;
import dev.vigil.ecosystem.apk.ApkInstalledScanner;
import dev.vigil.ecosystem.debian.DebianMatcher;
import dev.vigil.ecosystem.debian.DebianOval;
import dev.vigil.ecosystem.debian.DebianReleaseScanner;
import dev.vigil.ecosystem.debian.DebianTrackerUpdaterFactory;
import dev.vigil.ecosystem.dpkg.DistrolessStatusScanner;
import dev.vigil.ecosystem.dpkg.DpkgStatusScanner;
import dev.vigil.ecosystem.epss.EpssEnricher;
import dev.vigil.ecosystem.epss.EpssUpdaterFactory;
import dev.vigil.ecosystem.fedora.FedoraReleaseScanner;
import dev.vigil.ecosystem.golang.GoBinaryScanner;
import dev.vigil.ecosystem.kev.KevEnricher;
import dev.vigil.ecosystem.kev.KevUpdaterFactory;
import dev.vigil.ecosystem.mariner.MarinerMatcher;
import dev.vigil.ecosystem.mariner.MarinerOval;
import dev.vigil.ecosystem.mariner.MarinerReleaseScanner;
import dev.vigil.ecosystem.maven.JavaArchiveScanner;
import dev.vigil.ecosystem.npm.NodePackageScanner;
import dev.vigil.ecosystem.nvd.CvssEnricher;
import dev.vigil.ecosystem.nvd.NvdUpdaterFactory;
import dev.vigil.ecosystem.oracle.OracleMatcher;
import dev.vigil.ecosystem.oracle.OracleOval;
import dev.vigil.ecosystem.oracle.OracleReleaseScanner;
import dev.vigil.ecosystem.osrelease.OsReleaseScanner;
import dev.vigil.ecosystem.osv.OsvMatcher;
import dev.vigil.ecosystem.osv.OsvUpdaterFactory;
import dev.vigil.ecosystem.photon.PhotonMatcher;
import dev.vigil.ecosystem.photon.PhotonOval;
import dev.vigil.ecosystem.photon.PhotonReleaseScanner;
import dev.vigil.ecosystem.pypi.PythonPackageScanner;
import dev.vigil.ecosystem.rhel.ContentManifestScanner;
import dev.vigil.ecosystem.rhel.RhelMatcher;
import dev.vigil.ecosystem.rhel.RhelReleaseScanner;
import dev.vigil.ecosystem.rhel.RhelVexUpdaterFactory;
import dev.vigil.ecosystem.rocky.RockyMatcher;
import dev.vigil.ecosystem.rocky.RockyOval;
import dev.vigil.ecosystem.rocky.RockyReleaseScanner;
import dev.vigil.ecosystem.rpm.RpmPackageScanner;
import dev.vigil.ecosystem.rubygems.GemSpecificationScanner;
import dev.vigil.ecosystem.suse.SuseMatcher;
import dev.vigil.ecosystem.suse.SuseOval;
import dev.vigil.ecosystem.suse.SuseReleaseScanner;
import dev.vigil.ecosystem.ubuntu.UbuntuMatcher;
import dev.vigil.ecosystem.ubuntu.UbuntuOval;
import dev.vigil.ecosystem.ubuntu.UbuntuReleaseScanner;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.Enricher;
import dev.vigil.spi.Matcher;
import dev.vigil.spi.PackageScanner;
import dev.vigil.spi.RepositoryScanner;
import dev.vigil.spi.UpdaterFactory;
import java.util.List;

/**
 * Every ecosystem Vigil knows, in one greppable place: its scanners, matchers and updaters. Adding
 * an ecosystem means adding its parts here; there is no classpath discovery.
 */
public final class Defaults {

  /** How many update operations of each updater garbage collection keeps. */
  public static final int KEPT_UPDATE_OPERATIONS = 2;

  private Defaults() {}

  /** The package scanners. */
  public static List<PackageScanner> packageScanners() {
    return List.of(
        new ApkInstalledScanner(),
        new DpkgStatusScanner(),
        new DistrolessStatusScanner(),
        new RpmPackageScanner(),
        new JavaArchiveScanner(),
        new PythonPackageScanner(),
        new NodePackageScanner(),
        new GoBinaryScanner(),
        new GemSpecificationScanner());
  }

  /** The distribution scanners, most specific first: the first that recognizes an image wins. */
  public static List<DistributionScanner> distributionScanners() {
    return List.of(
        new AlpineReleaseScanner(),
        new DebianReleaseScanner(),
        new UbuntuReleaseScanner(),
        new OracleReleaseScanner(),
        new RhelReleaseScanner(),
        new RockyReleaseScanner(),
        new AlmaReleaseScanner(),
        new FedoraReleaseScanner(),
        new AmazonReleaseScanner(),
        new SuseReleaseScanner(),
        new MarinerReleaseScanner(),
        new PhotonReleaseScanner(),
        new OsReleaseScanner());
  }

  /** The repository scanners. */
  public static List<RepositoryScanner> repositoryScanners() {
    return List.of(new ContentManifestScanner());
  }

  /** The matchers. */
  public static List<Matcher> matchers() {
    return List.of(
        new AlpineMatcher(),
        new DebianMatcher(),
        new UbuntuMatcher(),
        new MarinerMatcher(),
        new RhelMatcher(),
        new OracleMatcher(),
        new SuseMatcher(),
        new AmazonMatcher(),
        new RockyMatcher(),
        new AlmaMatcher(),
        new PhotonMatcher(),
        new OsvMatcher());
  }

  /** The updater factories, by their stable names. */
  public static List<UpdaterFactory> updaterFactories() {
    return List.of(
        new AlpineSecDbUpdaterFactory(),
        new DebianTrackerUpdaterFactory(),
        DebianOval.updaterFactory(),
        UbuntuOval.updaterFactory(),
        MarinerOval.updaterFactory(),
        new RhelVexUpdaterFactory(),
        OracleOval.updaterFactory(),
        SuseOval.updaterFactory(),
        new AmazonAlas(),
        RockyOval.updaterFactory(),
        AlmaOval.updaterFactory(),
        PhotonOval.updaterFactory(),
        new NvdUpdaterFactory(),
        new EpssUpdaterFactory(),
        new KevUpdaterFactory(),
        new OsvUpdaterFactory());
  }

  /** The enrichers, in the order their kinds appear in reports. */
  public static List<Enricher> enrichers() {
    return List.of(new CvssEnricher(), new EpssEnricher(), new KevEnricher());
  }
}
