package dev.vigil.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  @Test
  void roundTripsInUrlOrder() {
    Map<String, Validators> validators = new LinkedHashMap<>();
    validators.put("https://b.example/x.json", new Validators("\"b\"", null));
    validators.put(
        "https://a.example/x.json", new Validators("W/\"a\"", "Tue, 31 Dec 2024 10:00:00 GMT"));

    String encoded = Fingerprint.encode(validators);

    assertThat(encoded)
        .isEqualTo(
            "{\"https://a.example/x.json\":{\"etag\":\"W/\\\"a\\\"\","
                + "\"last_modified\":\"Tue, 31 Dec 2024 10:00:00 GMT\"},"
                + "\"https://b.example/x.json\":{\"etag\":\"\\\"b\\\"\"}}");
    assertThat(Fingerprint.decode(encoded)).isEqualTo(validators);
  }

  @Test
  void readsNothingFromBlankOrForeignFingerprints() {
    assertThat(Fingerprint.decode(null)).isEmpty();
    assertThat(Fingerprint.decode("")).isEmpty();
    assertThat(Fingerprint.decode("\"etag-from-another-updater\"")).isEmpty();
    assertThat(Fingerprint.decode("{not json")).isEmpty();
  }
}
