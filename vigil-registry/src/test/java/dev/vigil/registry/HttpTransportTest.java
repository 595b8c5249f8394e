package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which redirects stay on the registry's origin and so keep its {@code Authorization}. */
class HttpTransportTest {

  @ParameterizedTest
  @CsvSource({
    "https://r.example/v2/a, https://r.example/v2/b, true",
    "https://r.example/v2/a, https://R.EXAMPLE:443/blobs/x, true",
    "http://127.0.0.1:5000/v2/a, http://127.0.0.1:5000/other, true",
    "http://127.0.0.1:5000/v2/a, http://127.0.0.1:5001/v2/a, false",
    "https://r.example/v2/a, https://storage.example/blob, false",
    "https://r.example/v2/a, http://r.example/v2/a, false",
    "https://r.example/v2/a, https://r.example.evil/v2/a, false"
  })
  void comparesSchemeHostAndPort(String from, String to, boolean same) {
    assertThat(HttpTransport.sameOrigin(URI.create(from), URI.create(to))).isEqualTo(same);
  }
}
