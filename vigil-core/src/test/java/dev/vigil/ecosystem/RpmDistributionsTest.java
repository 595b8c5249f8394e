package dev.vigil.ecosystem;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rpm distribution through the chain of {@link Defaults#distributionScanners()}, as the
 * indexer runs it: the first scanner that recognizes a fixture names its distribution.
 */
class RpmDistributionsTest {

  static Stream<String> expectations() throws IOException {
    try (InputStream in =
        RpmDistributionsTest.class.getResourceAsStream("/ecosystem/rpm-distributions.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void recognizesTheFixture(String expectation) throws IOException {
    String[] f = expectation.split(" \\| ");
    MemoryTree tree = MemoryTree.ofDirectory(fixture("os-release/" + f[0]));

    Optional<String> scanner = Optional.empty();
    Optional<Distribution> found = Optional.empty();
    for (DistributionScanner s : Defaults.distributionScanners()) {
      found = s.scan(tree);
      if (found.isPresent()) {
        scanner = Optional.of(s.name());
        break;
      }
    }

    if (f[1].equals("none")) {
      assertThat(found).isEmpty();
      return;
    }
    assertThat(scanner).contains(f[1]);
    assertThat(found)
        .contains(
            new Distribution("", f[2], f[3], empty(f[4]), "", empty(f[5]), "", empty(f[6]), f[7]));
  }

  @Test
  void coversEveryRpmFixture() throws IOException {
    List<String> dirs = expectations().map(line -> line.split(" \\| ")[0]).toList();
    assertThat(dirs)
        .hasSizeGreaterThan(40)
        .doesNotHaveDuplicates()
        .contains("rhel-family/oracle-9", "centos6", "trivy-opensuseleap-42.3", "azurelinux");
  }

  private static String empty(String field) {
    return field.equals("-") ? "" : field;
  }
}
