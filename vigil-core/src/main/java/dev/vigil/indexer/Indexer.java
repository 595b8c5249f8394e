package dev.vigil.indexer;

import dev.vigil.ecosystem.Defaults;
import dev.vigil.layer.LayerCollector;
import dev.vigil.layer.LayerSnapshot;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.OverlayTree;
import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.progress.ProgressListener;
import dev.vigil.spi.Coalescer;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.LayerFinding;
import dev.vigil.spi.PackageScanner;
import dev.vigil.spi.RepositoryScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indexes an image: walks each layer once, keeping only the files some scanner wants, lays the
 * layers over each other (whiteouts applied), re-runs a scanner only after a layer that touched its
 * files, and coalesces the per-layer findings into an {@link IndexReport} in which every package
 * names the layer that introduced it.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class Indexer {
  private final List<PackageScanner> packageScanners;
  private final List<DistributionScanner> distributionScanners;
  private final List<RepositoryScanner> repositoryScanners;
  private final Coalescer coalescer;
  private final LayerCollector collector;

  /**
   * An indexer over the given scanners.
   *
   * @param distributionScanners tried in order; the first that recognizes the image wins
   * @param repositoryScanners each adds the repositories it finds in the final image
   */
  public Indexer(
      List<PackageScanner> packageScanners,
      List<DistributionScanner> distributionScanners,
      List<RepositoryScanner> repositoryScanners,
      Coalescer coalescer) {
    this.packageScanners = List.copyOf(packageScanners);
    this.distributionScanners = List.copyOf(distributionScanners);
    this.repositoryScanners = List.copyOf(repositoryScanners);
    this.coalescer = coalescer;
    FileFilter all = path -> false;
    for (PackageScanner s : packageScanners) {
      all = all.or(s.files());
    }
    for (DistributionScanner s : distributionScanners) {
      all = all.or(s.files());
    }
    for (RepositoryScanner s : repositoryScanners) {
      all = all.or(s.files());
    }
    this.collector = new LayerCollector(all);
  }

  /** An indexer with every scanner of {@link Defaults}. */
  public static Indexer withDefaults() {
    return new Indexer(
        Defaults.packageScanners(),
        Defaults.distributionScanners(),
        Defaults.repositoryScanners(),
        new LayeredCoalescer());
  }

  /**
   * Indexes the layers of one manifest.
   *
   * @param manifest the manifest's digest, which names the report
   * @param layers the layers, base layer first
   * @throws dev.vigil.spi.ScanException when a layer or a package database is corrupt
   * @throws IOException when a layer cannot be read
   */
  public IndexResult index(Digest manifest, List<LayerSource> layers) throws IOException {
    return index(manifest, layers, ProgressListener.NONE);
  }

  /**
   * Indexes the layers of one manifest, telling {@code progress} after each layer.
   *
   * @param manifest the manifest's digest, which names the report
   * @param layers the layers, base layer first
   * @param progress hears "layer N of M indexed"
   * @throws dev.vigil.spi.ScanException when a layer or a package database is corrupt
   * @throws IOException when a layer cannot be read
   */
  public IndexResult index(Digest manifest, List<LayerSource> layers, ProgressListener progress)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    List<LayerFinding> findings = new ArrayList<>();
    Map<PackageScanner, List<FoundPackage>> current = new LinkedHashMap<>();
    packageScanners.forEach(s -> current.put(s, List.of()));
    try (OverlayTree tree = new OverlayTree()) {
      for (LayerSource layer : layers) {
        LayerSnapshot snapshot = collector.collect(layer, tree::holdsAtOrUnder);
        warnings.addAll(snapshot.warnings());
        OverlayTree.Changes changes = tree.apply(snapshot);
        for (PackageScanner scanner : packageScanners) {
          if (changes.wantedBy(scanner.files())) {
            current.put(scanner, scanner.scan(tree, warnings::add));
          }
        }
        List<FoundPackage> visible = new ArrayList<>();
        current.values().forEach(visible::addAll);
        findings.add(new LayerFinding(layer.digest(), visible));
        progress.indexed(findings.size(), layers.size());
      }
      Optional<Distribution> distribution = distribution(tree);
      Map<RepositoryScanner, List<Repository>> repositories = new LinkedHashMap<>();
      for (RepositoryScanner scanner : repositoryScanners) {
        repositories.put(scanner, scanner.scan(tree, warnings::add));
      }
      return new IndexResult(
          report(manifest, coalescer.coalesce(findings), distribution, repositories), warnings);
    }
  }

  private Optional<Distribution> distribution(OverlayTree tree) throws IOException {
    for (DistributionScanner scanner : distributionScanners) {
      Optional<Distribution> found = scanner.scan(tree);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static IndexReport report(
      Digest manifest,
      List<LayerFinding.Introduced> packages,
      Optional<Distribution> distribution,
      Map<RepositoryScanner, List<Repository>> repositories) {
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    String distributionId = "";
    if (distribution.isPresent()) {
      distributionId = "1";
      distributions.put(distributionId, distribution.get().withId(distributionId));
    }
    Map<String, Repository> repositoriesById = new LinkedHashMap<>();
    Map<RepositoryScanner, List<String>> repositoryIds = new LinkedHashMap<>();
    repositories.forEach(
        (scanner, found) -> {
          List<String> ids = new ArrayList<>();
          for (Repository repository : found) {
            ids.add(idOf(repository, repositoriesById));
          }
          repositoryIds.put(scanner, ids);
        });
    Map<String, Package> byId = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    int next = 1;
    for (LayerFinding.Introduced introduced : packages) {
      String id = String.valueOf(next++);
      String packageDb = introduced.found().packageDb();
      byId.put(id, introduced.found().pkg().withId(id));
      List<String> served = new ArrayList<>();
      Repository own = introduced.found().repository();
      if (own != null) {
        served.add(idOf(own, repositoriesById));
      }
      repositoryIds.forEach(
          (scanner, ids) -> {
            if (scanner.serves(packageDb)) {
              served.addAll(ids);
            }
          });
      environments.put(
          id, List.of(new Environment(packageDb, introduced.layer(), distributionId, served)));
    }
    return new IndexReport(
        manifest,
        IndexReport.FINISHED,
        byId,
        distributions,
        repositoriesById,
        environments,
        true,
        "");
  }

  /** The id of {@code repository} in the report, adding it when it is new. */
  private static String idOf(Repository repository, Map<String, Repository> repositoriesById) {
    for (Map.Entry<String, Repository> entry : repositoriesById.entrySet()) {
      if (entry.getValue().withId("").equals(repository.withId(""))) {
        return entry.getKey();
      }
    }
    String id = String.valueOf(repositoriesById.size() + 1);
    repositoriesById.put(id, repository.withId(id));
    return id;
  }
}
