package dev.vigil.ecosystem.osrelease;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Expectation files of distribution scanner tests: one fixture a line, fields separated by {@code "
 * | "}: the fixture folder under shared/fixtures/os-release, then did, name, version,
 * version_code_name, version_id and pretty_name ({@code -} for empty), then what the test checks
 * further; {@code none} as did means the scanner does not recognize the tree.
 */
public final class ReleaseExpectations {
  private ReleaseExpectations() {}

  /** The expectation lines of a test resource, without comments and blank lines. */
  public static List<String> lines(String resource) throws IOException {
    try (InputStream in = ReleaseExpectations.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }

  /**
   * Scans the line's fixture and checks the distribution found; returns it, or empty when the line
   * expects none.
   */
  public static Optional<Distribution> check(DistributionScanner scanner, String line)
      throws IOException {
    String[] f = line.split(" \\| ");
    Optional<Distribution> found =
        scanner.scan(MemoryTree.ofDirectory(fixture("os-release/" + f[0])));
    if (f[1].equals("none")) {
      assertThat(found).isEmpty();
      return found;
    }
    assertThat(found)
        .contains(
            new Distribution("", f[1], f[2], empty(f[3]), empty(f[4]), empty(f[5]), "", "", f[6]));
    return found;
  }

  private static String empty(String field) {
    return field.equals("-") ? "" : field;
  }
}
