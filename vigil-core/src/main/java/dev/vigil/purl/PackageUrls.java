package dev.vigil.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.VulnerabilityReport;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Package URLs (purl-spec) for operating-system and language packages, built and read in this one
 * place so that every output and input names packages the same way, as Trivy and Syft write them.
 * Language packages (those whose repository is an {@link OsvEcosystem}'s) get their ecosystem's
 * type, see {@link #of(Package, OsvEcosystem)}.
 *
 * <p>A package of a distribution becomes {@code pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS}: the
 * type follows the distribution ({@code apk} for Alpine and Wolfi, {@code deb} for Debian and
 * Ubuntu, {@code rpm} for the Red Hat family), the namespace is the os-release {@code ID} ({@code
 * redhat} for {@code rhel}), and the qualifiers are {@code arch}, {@code distro} ({@code
 * ID-VERSION_ID}, e.g. {@code alpine-3.10.4}), {@code upstream} (the source package when its name
 * or version differs; not for rpm, whose upstream is a source rpm file name) and, for rpm, {@code
 * epoch}. A package without a known distribution becomes {@code pkg:generic/NAME@VERSION}.
 *
 * <p>Reading accepts the same shapes, Trivy's bare {@code distro=3.16.0}, codenames such as {@code
 * distro=jammy}, and old Syft's {@code pkg:alpine/NAME} type.
 */
public final class PackageUrls {
  /** The purl type of Alpine-style packages. */
  public static final String APK = "apk";

  /** The purl type of Debian-style packages. */
  public static final String DEB = "deb";

  /** The purl type of rpm packages. */
  public static final String RPM = "rpm";

  private static final String GENERIC = "generic";
  private static final String MAVEN = "maven";
  private static final String PYPI = "pypi";
  private static final String NPM = "npm";
  private static final String GOLANG = "golang";
  private static final String GEM = "gem";
  private static final String GO_STDLIB = "stdlib";
  private static final String LEGACY_ALPINE = "alpine";
  private static final Map<String, String> TYPE_BY_DID =
      Map.ofEntries(
          Map.entry("alpine", APK),
          Map.entry("wolfi", APK),
          Map.entry("chainguard", APK),
          Map.entry("debian", DEB),
          Map.entry("ubuntu", DEB),
          Map.entry("rhel", RPM),
          Map.entry("centos", RPM),
          Map.entry("fedora", RPM),
          Map.entry("rocky", RPM),
          Map.entry("almalinux", RPM),
          Map.entry("ol", RPM),
          Map.entry("amzn", RPM));
  private static final Map<String, String> NAMESPACE_BY_DID = Map.of("rhel", "redhat");
  private static final Map<String, String> DID_BY_NAMESPACE = Map.of("redhat", "rhel");

  private PackageUrls() {}

  /**
   * The package URL of a package found in a distribution.
   *
   * @param pkg the package, with its source package if known
   * @param distribution its distribution, or null when unknown
   */
  public static PackageURL of(Package pkg, Distribution distribution) {
    String did = distribution == null ? "" : nullToEmpty(distribution.did());
    String type = TYPE_BY_DID.getOrDefault(did, GENERIC);
    PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType(type).withName(pkg.name());
    String version = nullToEmpty(pkg.version());
    if (type.equals(RPM) && version.indexOf(':') > 0) {
      builder.withQualifier("epoch", version.substring(0, version.indexOf(':')));
      version = version.substring(version.indexOf(':') + 1);
    }
    if (!version.isEmpty()) {
      builder.withVersion(version);
    }
    if (!type.equals(GENERIC)) {
      builder.withNamespace(NAMESPACE_BY_DID.getOrDefault(did, did));
      qualifier(builder, "arch", pkg.arch());
      qualifier(builder, "distro", distroQualifier(distribution));
      if (!type.equals(RPM)) {
        qualifier(builder, "upstream", upstream(pkg));
      }
    }
    try {
      return builder.build();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("purl: cannot name package " + pkg.name(), e);
    }
  }

  /** The canonical text of {@link #of}: what outputs print. */
  public static String format(Package pkg, Distribution distribution) {
    return of(pkg, distribution).canonicalize();
  }

  /**
   * The canonical package URL of the package with id {@code packageId} in {@code report}, as its
   * first environment places it (see {@link #format(Package, Distribution, Collection)}).
   */
  public static String format(VulnerabilityReport report, String packageId) {
    List<Environment> environments = report.environments().getOrDefault(packageId, List.of());
    Environment env = environments.isEmpty() ? null : environments.get(0);
    Distribution distribution =
        env == null ? null : report.distributions().get(env.distributionId());
    List<Repository> repositories =
        env == null
            ? List.of()
            : env.repositoryIds().stream()
                .map(report.repository()::get)
                .filter(Objects::nonNull)
                .toList();
    return format(report.packages().get(packageId), distribution, repositories);
  }

  /**
   * The canonical package URL of a package as a report places it: its language ecosystem's (see
   * {@link #of(Package, OsvEcosystem)}) when one of its repositories is a language ecosystem's,
   * else its distribution's.
   *
   * @param distribution its distribution, or null when unknown
   * @param repositories its repositories
   */
  public static String format(
      Package pkg, Distribution distribution, Collection<Repository> repositories) {
    for (Repository repository : repositories) {
      Optional<OsvEcosystem> ecosystem = OsvEcosystem.of(repository);
      if (ecosystem.isPresent()) {
        return of(pkg, ecosystem.get()).canonicalize();
      }
    }
    return format(pkg, distribution);
  }

  /**
   * The package URL of a language package, named as OSV names it: {@code
   * pkg:maven/GROUP/ARTIFACT@VERSION}, {@code pkg:pypi/NAME@VERSION} (the name normalized as the
   * purl spec says), {@code pkg:npm/%40SCOPE/NAME@VERSION}, {@code pkg:golang/MODULE@vVERSION} (the
   * module path split at its last {@code /}; Go's {@code v} put back, except for {@code stdlib}, as
   * Trivy and Syft write it) and {@code pkg:gem/NAME@VERSION}.
   */
  public static PackageURL of(Package pkg, OsvEcosystem ecosystem) {
    String name = pkg.name();
    String version = nullToEmpty(pkg.version());
    String namespace = "";
    String type =
        switch (ecosystem) {
          case MAVEN -> MAVEN;
          case PYPI -> PYPI;
          case NPM -> NPM;
          case GO -> GOLANG;
          case RUBYGEMS -> GEM;
        };
    String separator = ecosystem == OsvEcosystem.MAVEN ? ":" : "/";
    int split = ecosystem == OsvEcosystem.PYPI ? -1 : name.lastIndexOf(separator);
    if (split > 0) {
      namespace = name.substring(0, split);
      name = name.substring(split + 1);
    }
    if (ecosystem == OsvEcosystem.GO && !pkg.name().equals(GO_STDLIB) && !version.isEmpty()) {
      version = "v" + version;
    }
    PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType(type).withName(name);
    if (!namespace.isEmpty()) {
      builder.withNamespace(namespace);
    }
    if (!version.isEmpty()) {
      builder.withVersion(version);
    }
    try {
      return builder.build();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("purl: cannot name package " + pkg.name(), e);
    }
  }

  /**
   * Reads an operating-system package out of a package URL.
   *
   * @return the package and what the URL says of its distribution; empty for other types (npm,
   *     maven…), which name no operating-system package
   * @throws IllegalArgumentException when the text is not a package URL
   */
  public static Optional<PurlPackage> parse(String text) {
    PackageURL purl = parsePurl(text);
    String type = purl.getType();
    String namespace = nullToEmpty(purl.getNamespace());
    if (type.equals(LEGACY_ALPINE)) {
      type = APK;
      namespace = LEGACY_ALPINE;
    }
    if (!type.equals(APK) && !type.equals(DEB) && !type.equals(RPM) || namespace.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> qualifiers = purl.getQualifiers() == null ? Map.of() : purl.getQualifiers();
    String version = nullToEmpty(purl.getVersion());
    if (type.equals(RPM) && qualifiers.containsKey("epoch")) {
      version = qualifiers.get("epoch") + ":" + version;
    }
    Package source = type.equals(RPM) ? null : source(qualifiers.get("upstream"), version);
    Package pkg =
        Package.binary(purl.getName(), version, qualifiers.getOrDefault("arch", ""), source);
    String did = DID_BY_NAMESPACE.getOrDefault(namespace, namespace);
    String distro = qualifiers.getOrDefault("distro", "");
    return Optional.of(
        new PurlPackage(pkg, type, did, distro.isEmpty() ? null : distribution(did, distro)));
  }

  /**
   * Parses a package URL.
   *
   * @throws IllegalArgumentException when the text is not a package URL
   */
  public static PackageURL parsePurl(String text) {
    try {
      return new PackageURL(text);
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("purl: malformed '" + text + "': " + e.getMessage(), e);
    }
  }

  /**
   * True when {@code target} satisfies {@code constraint}: same type, namespace and name, the same
   * version when the constraint names one, and every qualifier of the constraint present with the
   * same value (so {@code pkg:apk/alpine/musl} matches every musl of every Alpine release).
   */
  public static boolean matches(PackageURL constraint, PackageURL target) {
    if (!constraint.getType().equalsIgnoreCase(target.getType())
        || !nullToEmpty(constraint.getNamespace()).equals(nullToEmpty(target.getNamespace()))
        || !constraint.getName().equals(target.getName())) {
      return false;
    }
    if (constraint.getVersion() != null && !constraint.getVersion().equals(target.getVersion())) {
      return false;
    }
    Map<String, String> wanted = constraint.getQualifiers();
    Map<String, String> have = target.getQualifiers() == null ? Map.of() : target.getQualifiers();
    return wanted == null
        || wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  /**
   * The distribution that a {@code distro} qualifier names: {@code alpine-3.10.4} or {@code 3.10.4}
   * give {@code VERSION_ID} 3.10.4, a name such as {@code jammy} gives {@code VERSION_CODENAME}.
   */
  private static Distribution distribution(String did, String distro) {
    String value = distro.startsWith(did + "-") ? distro.substring(did.length() + 1) : distro;
    boolean numeric = !value.isEmpty() && Character.isDigit(value.charAt(0));
    return new Distribution(
        "",
        did,
        did,
        numeric ? value : "",
        numeric ? "" : value,
        numeric ? value : "",
        "",
        "",
        did + " " + value);
  }

  private static String distroQualifier(Distribution distribution) {
    if (distribution == null) {
      return "";
    }
    String release =
        nullToEmpty(distribution.versionId()).isEmpty()
            ? nullToEmpty(distribution.versionCodeName())
            : distribution.versionId();
    return release.isEmpty() ? "" : distribution.did() + "-" + release;
  }

  private static String upstream(Package pkg) {
    Package source = pkg.source();
    if (source == null || nullToEmpty(source.name()).isEmpty()) {
      return "";
    }
    String sourceVersion = nullToEmpty(source.version());
    if (!sourceVersion.isEmpty() && !sourceVersion.equals(pkg.version())) {
      return source.name() + "@" + sourceVersion;
    }
    return source.name().equals(pkg.name()) ? "" : source.name();
  }

  private static Package source(String upstream, String version) {
    if (upstream == null || upstream.isEmpty()) {
      return null;
    }
    int at = upstream.indexOf('@');
    return at > 0
        ? Package.source(upstream.substring(0, at), upstream.substring(at + 1))
        : Package.source(upstream, version);
  }

  private static void qualifier(PackageURLBuilder builder, String key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.withQualifier(key, value);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
