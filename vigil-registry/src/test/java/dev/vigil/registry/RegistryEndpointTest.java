package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which hosts may fall back to plain HTTP without being marked insecure: loopback, as Docker. */
class RegistryEndpointTest {

  @ParameterizedTest
  @CsvSource({
    "localhost, true",
    "localhost:5000, true",
    "127.0.0.1:5000, true",
    "127.1.2.3, true",
    "[::1]:5000, true",
    "registry-1.docker.io, false",
    "10.0.0.1:5000, false",
    "localhost.example:5000, false",
    "[fe80::1]:5000, false"
  })
  void loopbackHostsMaySpeakPlainHttp(String host, boolean loopback) {
    assertThat(RegistryEndpoint.isLoopback(host)).isEqualTo(loopback);
  }
}
