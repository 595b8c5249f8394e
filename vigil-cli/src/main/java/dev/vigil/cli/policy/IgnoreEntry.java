package dev.vigil.cli.policy;

import com.github.packageurl.PackageURL;
import dev.vigil.purl.PackageUrls;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One entry of an ignore file: a vulnerability to leave out, optionally only for some packages.
 *
 * @param id the vulnerability name, e.g. {@code CVE-2020-28928} (case-insensitive)
 * @param purls package URL constraints; a constraint without version or qualifiers matches every
 *     version (empty: every package)
 * @param packages package names (empty: every package)
 * @param paths package database paths or globs, e.g. {@code lib/apk/db/installed} (empty: every
 *     path)
 * @param expiredAt the day from which the entry no longer applies, or null for never
 * @param statement why the vulnerability is ignored, or empty
 */
public record IgnoreEntry(
    String id,
    List<PackageURL> purls,
    List<String> packages,
    List<String> paths,
    LocalDate expiredAt,
    String statement) {

  /** Copies the lists. */
  public IgnoreEntry {
    purls = List.copyOf(purls);
    packages = List.copyOf(packages);
    paths = List.copyOf(paths);
  }

  /** True when the entry has expired on {@code today} (Trivy's rule: on and after the date). */
  public boolean expired(LocalDate today) {
    return expiredAt != null && !today.isBefore(expiredAt);
  }

  /** True when the entry names {@code finding}, ignoring expiry. */
  public boolean matches(Finding finding) {
    if (!id.toUpperCase(Locale.ROOT).equals(finding.name().toUpperCase(Locale.ROOT))) {
      return false;
    }
    if (!packages.isEmpty() && !packages.contains(finding.pkg().name())) {
      return false;
    }
    if (!paths.isEmpty() && !paths.stream().anyMatch(p -> pathMatches(p, finding))) {
      return false;
    }
    if (purls.isEmpty()) {
      return true;
    }
    PackageURL target = PackageUrls.parsePurl(finding.purl());
    return purls.stream().anyMatch(c -> PackageUrls.matches(c, target));
  }

  private static boolean pathMatches(String pattern, Finding finding) {
    String db = finding.environment() == null ? "" : finding.environment().packageDb();
    if (db == null || db.isEmpty()) {
      return false;
    }
    String relative = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    return FileSystems.getDefault().getPathMatcher("glob:" + relative).matches(Path.of(db));
  }
}
