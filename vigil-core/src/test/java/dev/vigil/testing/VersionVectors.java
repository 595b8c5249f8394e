package dev.vigil.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Version ordering vectors from a test resource: one {@code a OP b} per line, OP being {@code <},
 * {@code =} or {@code >}; {@code #} starts a comment line. Each vector is checked both ways.
 */
public final class VersionVectors {
  private VersionVectors() {}

  /** The vectors of a resource, e.g. {@code /ecosystem/pypi/vectors.txt}, as (a, op, b). */
  public static List<Arguments> read(String resource) {
    try (InputStream in = VersionVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .map(f -> Arguments.of(f[0], f[1], f[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code scheme} orders {@code a} and {@code b} as {@code op} says, both ways. */
  public static void check(VersionScheme scheme, String a, String op, String b) {
    int expected =
        switch (op) {
          case "<" -> -1;
          case "=" -> 0;
          case ">" -> 1;
          default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    assertThat(Integer.signum(scheme.compare(a, b))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(scheme.compare(b, a)))
        .as("%s %s %s reversed", a, op, b)
        .isEqualTo(-expected);
  }
}
