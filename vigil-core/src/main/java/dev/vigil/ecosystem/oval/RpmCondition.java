package dev.vigil.ecosystem.oval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one literal of an rpm OVAL conjunction says about an image of the publisher's distribution,
 * read from the test it names (its kind, {@code check}, object and state), as the rpm OVAL
 * publishers (Oracle, SUSE, Rocky, AlmaLinux, Photon, Microsoft) write them:
 *
 * <ul>
 *   <li>an {@code rpminfo_test} whose state bounds {@code evr} ({@code less than}, {@code less than
 *       or equal}, with an {@code arch} pattern or not) is a {@link Bound} on the packages it
 *       names;
 *   <li>one whose state holds only {@code signature_keyid} ("is signed with the Oracle Linux 8
 *       key") is true: the publisher states fixes for the packages it builds, which are the ones
 *       its images hold;
 *   <li>one whose state holds a {@code version} of a release package ({@code *-release}: "Oracle
 *       Linux 8 is installed", "SUSE Linux Enterprise Server 15 SP1 is installed") is a {@link
 *       Release};
 *   <li>one whose state holds the {@code version} {@code 0} (SUSE's "kernel-default is not
 *       affected") is false;
 *   <li>one whose state holds only an {@code arch} ("Oracle Linux arch is aarch64") is an {@link
 *       Arch};
 *   <li>one whose state holds only a {@code release} pattern ("openssl is ksplice-based") is a
 *       {@link Flavour} of the release string;
 *   <li>an {@code rpmverifyfile_test} (Red Hat's "Rocky Linux must be installed", which checks that
 *       the release file belongs to the publisher's release package) is true on the publisher's
 *       images, so false when its {@code check} is {@code none satisfy};
 *   <li>a {@code textfilecontent54_test} commented {@code Module NAME:STREAM is enabled} is a
 *       {@link Module}.
 * </ul>
 *
 * Anything else, or a negated bound, release, arch or module, is {@link Unsupported}.
 */
public sealed interface RpmCondition {

  /** Always true or always false on the publisher's images. */
  record Truth(boolean value) implements RpmCondition {}

  /**
   * Installed packages named {@code names} older than (or, with {@code orEqual}, not newer than)
   * {@code evr}, of an architecture matching {@code archPattern} when it is not empty.
   */
  record Bound(List<String> names, String evr, boolean orEqual, String archPattern)
      implements RpmCondition {}

  /** The image is of release {@code value}, e.g. {@code 8} or {@code 15.1}. */
  record Release(String value) implements RpmCondition {}

  /** The image's packages are of an architecture matching {@code pattern}. */
  record Arch(String pattern) implements RpmCondition {}

  /**
   * The package's release string matches {@code pattern} (or, {@code negated}, does not), as
   * Oracle's ksplice builds ({@code 1.1.1g-15.ksplice1.el8_3}) do {@code ksplice}.
   */
  record Flavour(String pattern, boolean negated) implements RpmCondition {}

  /** The rpm module stream {@code stream} ({@code name:stream}) is enabled. */
  record Module(String stream) implements RpmCondition {}

  /** A literal this reading does not understand. */
  record Unsupported() implements RpmCondition {}

  /** A release value in a state's {@code version}: {@code 15.1}, {@code ^8}, {@code ^3[^\d]}. */
  Pattern RELEASE_VALUE = Pattern.compile("\\^?(\\d+(?:\\.\\d+)*)");

  /** The name of the packages that say which release an image is, e.g. {@code sles-release}. */
  String RELEASE_SUFFIX = "-release";

  /** SUSE's "not affected" state: a {@code version} of {@code 0}, which no package has. */
  String NEVER = "0";

  /** The comment of a module test. */
  Pattern MODULE_COMMENT = Pattern.compile("Module (\\S+:\\S+) is enabled");

  /** What {@code literal} says, read in {@code document}. */
  static RpmCondition of(OvalDocument document, Conjunctions.Literal literal) {
    OvalDocument.Test test = document.tests().get(literal.criterion().testRef());
    if (test == null) {
      return new Unsupported();
    }
    boolean negated = literal.negated();
    return switch (test.kind()) {
      case "rpminfo_test" -> rpmInfo(document, test, negated);
      case "rpmverifyfile_test" -> new Truth(!test.check().equals("none satisfy") ^ negated);
      case "textfilecontent54_test" -> module(test, negated);
      default -> new Unsupported();
    };
  }

  private static RpmCondition rpmInfo(
      OvalDocument document, OvalDocument.Test test, boolean negated) {
    if (test.stateRefs().size() != 1) {
      return new Unsupported();
    }
    OvalDocument.State state = document.states().get(test.stateRefs().get(0));
    if (state == null) {
      return new Unsupported();
    }
    Map<String, OvalDocument.Field> fields = state.fields();
    OvalDocument.Field evr = fields.get("evr");
    OvalDocument.Field arch = fields.get("arch");
    if (evr != null) {
      return negated ? new Unsupported() : bound(document, test, evr, arch);
    }
    if (fields.keySet().equals(Set.of("signature_keyid"))) {
      return new Truth(!negated);
    }
    if (fields.keySet().equals(Set.of("release"))) {
      return new Flavour(fields.get("release").value(), negated);
    }
    OvalDocument.Field version = fields.get("version");
    if (version != null && fields.size() == 1 && version.value().equals(NEVER)) {
      return new Truth(negated);
    }
    if (negated) {
      return new Unsupported();
    }
    if (fields.keySet().equals(Set.of("arch"))) {
      return new Arch(arch.value());
    }
    if (version != null && fields.size() == 1 && releasePackage(document, test)) {
      Matcher m = RELEASE_VALUE.matcher(version.value());
      return m.lookingAt() ? new Release(m.group(1)) : new Unsupported();
    }
    return new Unsupported();
  }

  private static boolean releasePackage(OvalDocument document, OvalDocument.Test test) {
    List<String> names = PackageChecks.names(document, document.objects().get(test.objectRef()));
    return !names.isEmpty()
        && names.stream().allMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(RELEASE_SUFFIX));
  }

  private static RpmCondition bound(
      OvalDocument document,
      OvalDocument.Test test,
      OvalDocument.Field evr,
      OvalDocument.Field arch) {
    List<String> names = PackageChecks.names(document, document.objects().get(test.objectRef()));
    boolean orEqual = evr.operation().equals("less than or equal");
    if (names.isEmpty() || !(orEqual || evr.operation().equals("less than"))) {
      return new Unsupported();
    }
    return new Bound(names, evr.value(), orEqual, arch == null ? "" : arch.value());
  }

  private static RpmCondition module(OvalDocument.Test test, boolean negated) {
    Matcher m = MODULE_COMMENT.matcher(test.comment());
    return !negated && m.matches() ? new Module(m.group(1)) : new Unsupported();
  }
}
