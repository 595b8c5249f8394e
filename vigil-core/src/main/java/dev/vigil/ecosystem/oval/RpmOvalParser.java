package dev.vigil.ecosystem.oval;

import dev.vigil.ecosystem.rpm.RpmSeverity;
import dev.vigil.feed.FeedDates;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an rpm publisher's OVAL document into vulnerabilities by evaluating each definition's
 * criteria tree: the tree is put in {@link Conjunctions disjunctive normal form} and every literal
 * read as an {@link RpmCondition}. A conjunction that is false on the publisher's images (a negated
 * signature test, Red Hat's "must be installed" guard) is dropped; one holding exactly one package
 * {@link RpmCondition.Bound bound} becomes a vulnerability per package name and CVE, with the
 * release, architecture and module stream the conjunction states; any other conjunction (an unknown
 * test, two bounds, a bound without release where the file names none) is counted as skipped. A
 * {@link RpmCondition.Flavour release flavour} (Oracle's ksplice) must agree with the fixed
 * version, so that the stored fix tells which flavour it is for.
 *
 * <p>Stateless and thread-safe.
 */
public final class RpmOvalParser {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d+");

  private final String updater;
  private final DistributionNamer distributions;

  /** Names the distribution a conjunction applies to. */
  @FunctionalInterface
  public interface DistributionNamer {
    /**
     * The distribution, or null when the conjunction is not for any image the publisher ships.
     *
     * @param fileRelease the release the file's name gives, possibly empty
     * @param statedRelease the release a {@link RpmCondition.Release} literal states, or empty
     */
    Distribution distribution(String fileRelease, String statedRelease);

    /**
     * For files per release (Rocky's {@code org.rockylinux.rlsa-8.xml}): the file's release, which
     * a release literal, if any, must agree with.
     */
    static DistributionNamer perFile(String did, String name) {
      return (file, stated) ->
          stated.isEmpty() || stated.equals(file)
              ? RpmOvalParser.distribution(did, name, file)
              : null;
    }
  }

  /**
   * The factory of updaters of a publisher of one rpm OVAL file per release (Rocky, AlmaLinux,
   * Photon), run by default, whose statements apply to the file's release.
   *
   * @param name the updater's name
   * @param source the publisher's directory
   * @param file the files' names, whose first group is the release
   * @param did the os-release {@code ID} of the publisher's images
   * @param distributionName the distribution's name, e.g. {@code Rocky Linux}
   */
  public static OvalUpdaterFactory perReleaseFiles(
      String name, URI source, Pattern file, String did, String distributionName) {
    RpmOvalParser parser =
        new RpmOvalParser(name, DistributionNamer.perFile(did, distributionName));
    return new OvalUpdaterFactory(name, source, file, parser::parse, true);
  }

  /**
   * A distribution as feeds state it: os-release {@code ID}, name, and the release as {@code
   * VERSION_ID}; pretty name {@code name version}.
   */
  public static Distribution distribution(String did, String name, String versionId) {
    return new Distribution(
        "", did, name, versionId, "", versionId, "", "", (name + " " + versionId).strip());
  }

  /**
   * A parser.
   *
   * @param updater the updater's name, stored with each vulnerability
   * @param distributions names the distribution of each conjunction
   */
  public RpmOvalParser(String updater, DistributionNamer distributions) {
    this.updater = updater;
    this.distributions = distributions;
  }

  /** Reads the vulnerabilities of {@code document}, whose file names {@code release}. */
  public OvalUpdater.Parsed parse(OvalDocument document, String release) {
    List<Vulnerability> out = new ArrayList<>();
    int skipped = 0;
    for (OvalDocument.Definition definition : document.definitions()) {
      Optional<List<List<Conjunctions.Literal>>> conjunctions = Conjunctions.of(definition.tree());
      if (conjunctions.isEmpty()) {
        skipped++;
        continue;
      }
      Set<Vulnerability> found = new LinkedHashSet<>();
      for (List<Conjunctions.Literal> conjunction : conjunctions.get()) {
        Statement statement = Statement.of(document, conjunction);
        if (statement == null) {
          continue;
        }
        Distribution distribution =
            statement.supported() ? distributions.distribution(release, statement.release) : null;
        if (distribution == null || !statement.flavourAgrees()) {
          skipped++;
          continue;
        }
        for (String name : statement.bound.names()) {
          for (String cve : names(definition)) {
            found.add(vulnerability(definition, cve, name, statement, distribution));
          }
        }
      }
      out.addAll(found);
    }
    return new OvalUpdater.Parsed(List.copyOf(out), skipped);
  }

  private Vulnerability vulnerability(
      OvalDocument.Definition definition,
      String cve,
      String name,
      Statement statement,
      Distribution distribution) {
    RpmCondition.Bound bound = statement.bound;
    String arch = statement.arch.isEmpty() ? bound.archPattern() : statement.arch;
    Package pkg =
        new Package(
            "",
            name,
            bound.orEqual() ? bound.evr() : "",
            Package.BINARY,
            null,
            "",
            statement.module,
            arch,
            "");
    return new Vulnerability(
        "",
        updater,
        cve,
        definition.description(),
        FeedDates.day(definition.issued()),
        links(definition),
        definition.severity(),
        RpmSeverity.of(definition.severity()),
        pkg,
        distribution,
        null,
        bound.orEqual() ? "" : bound.evr(),
        arch.isEmpty() ? "" : "pattern match");
  }

  /** The URLs of a definition's references, space-separated. */
  static String links(OvalDocument.Definition definition) {
    return String.join(
        " ",
        definition.references().stream()
            .map(OvalDocument.Reference::refUrl)
            .filter(url -> !url.isEmpty())
            .distinct()
            .toList());
  }

  /**
   * The names a definition's vulnerabilities take: its CVEs ({@code advisory/cve} elements, else
   * CVE references, whose ids may wrap the CVE as Photon's {@code CVE:00001:CVE-2019-16168} do),
   * else its first reference's id (Rocky's {@code RLSA-2022:4771}), else its own id.
   */
  static List<String> names(OvalDocument.Definition definition) {
    Set<String> cves = new LinkedHashSet<>();
    definition.cves().forEach(cve -> addCve(cves, cve.id()));
    if (cves.isEmpty()) {
      definition.references().stream()
          .filter(r -> r.source().equals("CVE"))
          .forEach(r -> addCve(cves, r.refId()));
    }
    if (!cves.isEmpty()) {
      return List.copyOf(cves);
    }
    return definition.references().isEmpty() || definition.references().get(0).refId().isEmpty()
        ? List.of(definition.id())
        : List.of(definition.references().get(0).refId());
  }

  private static void addCve(Set<String> cves, String text) {
    Matcher m = CVE.matcher(text);
    if (m.find()) {
      cves.add(m.group());
    }
  }

  /** What one conjunction states. */
  private static final class Statement {
    RpmCondition.Bound bound;
    String release = "";
    String arch = "";
    String module = "";
    RpmCondition.Flavour flavour;
    boolean supported = true;

    /** The statement of a conjunction, or null when it is false or states no package bound. */
    static Statement of(OvalDocument document, List<Conjunctions.Literal> conjunction) {
      Statement s = new Statement();
      for (Conjunctions.Literal literal : conjunction) {
        RpmCondition condition = RpmCondition.of(document, literal);
        if (condition instanceof RpmCondition.Truth truth && !truth.value()
            || condition instanceof RpmCondition.Release release && !s.release(release)) {
          return null;
        }
        s.add(condition);
      }
      if (s.bound == null) {
        return s.supported ? null : s;
      }
      s.supported &= s.arch.isEmpty() || s.bound.archPattern().isEmpty();
      return s;
    }

    /** Takes a stated release; false when it contradicts one already stated. */
    boolean release(RpmCondition.Release stated) {
      if (!release.isEmpty() && !release.equals(stated.value())) {
        return false;
      }
      release = stated.value();
      return true;
    }

    private void add(RpmCondition condition) {
      if (condition instanceof RpmCondition.Bound b) {
        supported &= bound == null || bound.equals(b);
        bound = b;
      } else if (condition instanceof RpmCondition.Arch a) {
        supported &= arch.isEmpty() || arch.equals(a.pattern());
        arch = a.pattern();
      } else if (condition instanceof RpmCondition.Flavour f) {
        supported &= flavour == null || flavour.equals(f);
        flavour = f;
      } else if (condition instanceof RpmCondition.Module m) {
        supported &= module.isEmpty() || module.equals(m.stream());
        module = m.stream();
      } else if (condition instanceof RpmCondition.Unsupported) {
        supported = false;
      }
    }

    boolean supported() {
      return supported && bound != null;
    }

    /** True when the fix's release string has the flavour the conjunction requires. */
    boolean flavourAgrees() {
      if (flavour == null) {
        return true;
      }
      String evr = bound.evr();
      String releasePart = evr.substring(evr.lastIndexOf('-') + 1);
      try {
        return Pattern.compile(flavour.pattern()).matcher(releasePart).find() != flavour.negated();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
  }
}
