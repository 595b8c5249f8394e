package dev.vigil.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks a version scheme against ordering vectors from a test resource: one {@code a OP b} per
 * line, OP being {@code <}, {@code =} or {@code >}; {@code #} starts a comment line. Each vector is
 * checked both ways. A scheme's test extends this class.
 */
public abstract class VersionVectors {

  /** The scheme under test. */
  protected abstract VersionScheme scheme();

  /** The vectors' resource, e.g. {@code /ecosystem/pypi/vectors.txt}. */
  protected abstract String resource();

  @TestFactory
  Stream<DynamicTest> ordersAsTheVectorsSay() throws IOException {
    List<String[]> vectors = read(resource());
    assertThat(vectors).hasSizeGreaterThan(20);
    return vectors.stream()
        .map(v -> DynamicTest.dynamicTest(String.join(" ", v), () -> check(v[0], v[1], v[2])));
  }

  private void check(String a, String op, String b) {
    int expected =
        switch (op) {
          case "<" -> -1;
          case "=" -> 0;
          case ">" -> 1;
          default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    VersionScheme scheme = scheme();
    assertThat(Integer.signum(scheme.compare(a, b))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(scheme.compare(b, a)))
        .as("%s %s %s reversed", a, op, b)
        .isEqualTo(-expected);
  }

  private static List<String[]> read(String resource) throws IOException {
    try (InputStream in = VersionVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .toList();
    }
  }
}
