package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

  @Test
  void parsesAndPrints() {
    assertThat(Platform.parse("linux/arm64/v8")).isEqualTo(new Platform("linux", "arm64", "v8"));
    assertThat(Platform.parse("Linux/AMD64")).isEqualTo(Platform.LINUX_AMD64);
    assertThat(Platform.parse("linux/arm/v7")).hasToString("linux/arm/v7");
    assertThat(Platform.LINUX_AMD64).hasToString("linux/amd64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux", "linux/", "/amd64", "a/b/c/d", ""})
  void rejectsOtherShapes(String text) {
    assertThatThrownBy(() -> Platform.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("registry: malformed platform");
  }

  @ParameterizedTest
  @CsvSource({
    "linux/amd64, linux/amd64, true",
    "linux/amd64, linux/arm64/v8, false",
    "linux/arm64, linux/arm64/v8, true",
    "linux/arm64/v8, linux/arm64, true",
    "linux/arm64/v8, linux/arm64/v8, true",
    "linux/arm/v7, linux/arm/v6, false",
    "linux/arm/v7, linux/arm, false",
    "linux/amd64, windows/amd64, false"
  })
  void matchesCandidates(String requested, String candidate, boolean matches) {
    assertThat(Platform.parse(requested).matches(Platform.parse(candidate))).isEqualTo(matches);
  }
}
