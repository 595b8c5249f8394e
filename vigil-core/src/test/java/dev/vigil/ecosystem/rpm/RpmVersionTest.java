package dev.vigil.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RpmVersionTest {
  private static final RpmVersion RPM = RpmVersion.INSTANCE;

  static Stream<Arguments> rpmvercmp() throws IOException {
    return vectors("rpmvercmp.txt");
  }

  static Stream<Arguments> evr() throws IOException {
    return vectors("evr.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("rpmvercmp")
  void segmentsCompareLikeRpmvercmp(String a, String op, String b) {
    int expected = sign(op);
    assertThat(RpmVersion.rpmvercmp(a, b)).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(RpmVersion.rpmvercmp(b, a)).as("reversed").isEqualTo(-expected);
    assertThat(Integer.signum(RPM.compare(a, b))).as("as a whole version").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("evr")
  void evrCompareLikeRpmverCmp(String a, String op, String b) {
    int expected = sign(op);
    assertThat(Integer.signum(RPM.compare(a, b))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(RPM.compare(b, a))).as("reversed").isEqualTo(-expected);
  }

  @Test
  void splitsEvrLikeParseEvr() {
    assertThat(RpmVersion.Evr.parse("1:2.0-3.el8"))
        .isEqualTo(new RpmVersion.Evr("1", "2.0", "3.el8"));
    assertThat(RpmVersion.Evr.parse("2.0")).isEqualTo(new RpmVersion.Evr("0", "2.0", null));
    assertThat(RpmVersion.Evr.parse(":2.0-1")).isEqualTo(new RpmVersion.Evr("0", "2.0", "1"));
    assertThat(RpmVersion.Evr.parse("1.0-1-2")).isEqualTo(new RpmVersion.Evr("0", "1.0-1", "2"));
    assertThat(RpmVersion.Evr.parse("a:1")).isEqualTo(new RpmVersion.Evr("0", "a:1", null));
    assertThat(RpmVersion.Evr.parse("1:")).isEqualTo(new RpmVersion.Evr("1", "", null));
  }

  @Test
  void validatesEvrStrings() {
    assertThat(RPM.isValid("1:1.1.1k-7.cm2")).isTrue();
    assertThat(RPM.isValid("2.0")).isTrue();
    assertThat(RPM.isValid("1.0~rc1^git2-0.1")).isTrue();
    assertThat(RPM.isValid("12.2.1+git416-150000.1.5.1")).isTrue();
    assertThat(RPM.isValid("")).isFalse();
    assertThat(RPM.isValid(null)).isFalse();
    assertThat(RPM.isValid("a:1.0")).isFalse();
    assertThat(RPM.isValid("1.0-1-2")).isFalse();
    assertThat(RPM.isValid("1.0 -1")).isFalse();
  }

  @Test
  void sortsNullFirstAndNamesItself() {
    assertThat(RPM.compare(null, "1.0-1")).isNegative();
    assertThat(RPM.compare("1.0-1", null)).isPositive();
    assertThat(RPM.compare(null, null)).isZero();
    assertThat(RPM.name()).isEqualTo("rpm");
  }

  @Test
  void sortsARealChangelog() {
    List<String> versions =
        new ArrayList<>(
            List.of(
                "1:1.1.1k-7.el8_6",
                "1:1.1.1g-15.el8_3",
                "1:1.1.1k-4.el8",
                "1.1.1c-2.el8",
                "1:1.1.1k-12.el8_9",
                "1:1.1.1k-9.el8_7"));
    versions.sort(RPM);
    assertThat(versions)
        .containsExactly(
            "1.1.1c-2.el8",
            "1:1.1.1g-15.el8_3",
            "1:1.1.1k-4.el8",
            "1:1.1.1k-7.el8_6",
            "1:1.1.1k-9.el8_7",
            "1:1.1.1k-12.el8_9");
  }

  @Test
  void vectorFilesAreNotEmpty() throws IOException {
    assertThat(vectors("rpmvercmp.txt")).hasSizeGreaterThan(110);
    assertThat(vectors("evr.txt")).hasSizeGreaterThan(20);
  }

  private static int sign(String op) {
    return switch (op) {
      case "<" -> -1;
      case "=" -> 0;
      case ">" -> 1;
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  static Stream<Arguments> vectors(String resource) throws IOException {
    return lines(resource).stream()
        .map(line -> line.split(" "))
        .map(f -> Arguments.of(f[0], f[1], f[2]));
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = RpmVersionTest.class.getResourceAsStream("/ecosystem/rpm/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }
}
