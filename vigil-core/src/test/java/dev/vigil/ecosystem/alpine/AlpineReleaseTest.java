package dev.vigil.ecosystem.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlpineReleaseTest {

  private static Distribution alpine(String versionId, String prettyName) {
    return new Distribution("", "alpine", "Alpine Linux", "", "", versionId, "", "", prettyName);
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "3.10.4, Alpine Linux v3.10, v3.10",
        "3.10.4, null, v3.10",
        "3.9.0, '', v3.9",
        "3.20.3, Alpine Linux v3.20, v3.20",
        "3.21, '', v3.21",
        "3.21.0_alpha20240923, '', edge",
        "3.22.0_alpha20250108, Alpine Linux edge, edge",
        "3.19.0_rc1, '', edge",
        "'', Alpine Linux edge, edge",
        "edge, '', edge",
        "'', Alpine Linux, null",
        "3, '', null",
        "v3.10, '', null",
      })
  void mapsReleasesToSecdbBranches(String versionId, String prettyName, String branch) {
    assertThat(AlpineRelease.secdbBranch(alpine(versionId, prettyName)).orElse(null))
        .isEqualTo(branch);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"v3.10, 3.10", "v3.2, 3.2", "edge, edge"})
  void namesBranchVersions(String branch, String versionId) {
    assertThat(AlpineRelease.branchVersionId(branch)).isEqualTo(versionId);
    assertThat(AlpineRelease.forBranch(branch))
        .isEqualTo(
            new Distribution(
                "", "alpine", "Alpine Linux", "", "", versionId, "", "", "Alpine Linux " + branch));
  }
}
