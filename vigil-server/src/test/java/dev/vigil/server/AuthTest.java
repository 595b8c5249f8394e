package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With PSK auth configured, every API route refuses requests without a valid token. */
class AuthTest {
  private static final byte[] KEY =
      "a shared key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);
  private static final String DIGEST =
      "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028";
  private static final String REF = "8b5c8a5e-9d4f-4a8e-9a53-1f0f6a1b2c3d";

  /** Every route of the API listener: method and path. */
  private static final List<String[]> ROUTES =
      List.of(
          new String[] {"POST", "/indexer/api/v1/index_report"},
          new String[] {"DELETE", "/indexer/api/v1/index_report"},
          new String[] {"GET", "/indexer/api/v1/index_report/" + DIGEST},
          new String[] {"DELETE", "/indexer/api/v1/index_report/" + DIGEST},
          new String[] {"GET", "/indexer/api/v1/index_state"},
          new String[] {"POST", "/indexer/api/v1/internal/affected_manifest"},
          new String[] {"GET", "/matcher/api/v1/vulnerability_report/" + DIGEST},
          new String[] {"GET", "/matcher/api/v1/internal/update_operation"},
          new String[] {"DELETE", "/matcher/api/v1/internal/update_operation/" + REF},
          new String[] {"GET", "/matcher/api/v1/internal/update_diff?cur=" + REF},
          new String[] {"GET", "/openapi/v1"},
          new String[] {"POST", "/v1/layers"},
          new String[] {"GET", "/v1/layers/some-layer?features&vulnerabilities"},
          new String[] {"DELETE", "/v1/layers/some-layer"},
          new String[] {"GET", "/v1/namespaces"},
          new String[] {"GET", "/no/such/route"});

  @TempDir static Path tmp;

  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        RunningServer.comboWithoutUpdaters(
            tmp,
            "auth:\n  psk:\n    key: "
                + Base64.getEncoder().encodeToString(KEY)
                + "\n    iss: [quay, clairctl]\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteRefusesMissingExpiredAndForeignTokens() throws Exception {
    Instant now = Instant.now();
    String expired =
        token(KEY, "quay", now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));
    String wrongIssuer = token(KEY, "mallory", now, now.plus(Duration.ofMinutes(5)));
    String wrongKey =
        token(
            "another key, also of thirty-two bytes".getBytes(StandardCharsets.UTF_8),
            "quay",
            now,
            now.plus(Duration.ofMinutes(5)));
    String notYet =
        token(KEY, "quay", now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(10)));
    for (String[] route : ROUTES) {
      assertThat(call(route).statusCode()).as("no token: %s %s", route[0], route[1]).isEqualTo(401);
      for (String bad : List.of(expired, wrongIssuer, wrongKey, notYet, "garbage")) {
        assertThat(call(route, "Authorization", "Bearer " + bad).statusCode())
            .as("%s %s with %s", route[0], route[1], bad)
            .isEqualTo(401);
      }
    }
  }

  @Test
  void validTokensPassIncludingWithinTheLeeway() throws Exception {
    Instant now = Instant.now();
    String valid = token(KEY, "clairctl", now, now.plus(Duration.ofMinutes(5)));
    String justExpired = token(KEY, "quay", now.minus(Duration.ofMinutes(1)), now.minusSeconds(5));
    for (String token : List.of(valid, justExpired)) {
      HttpResponse<String> state =
          call(
              new String[] {"GET", "/indexer/api/v1/index_state"},
              "Authorization",
              "Bearer " + token);
      assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
    }
    for (String[] route : ROUTES) {
      assertThat(call(route, "Authorization", "Bearer " + valid).statusCode())
          .as("%s %s", route[0], route[1])
          .isNotEqualTo(401);
    }
  }

  private static HttpResponse<String> call(String[] route, String... headers) throws Exception {
    String body =
        route[0].equals("GET") || route[0].equals("DELETE") && route[1].contains(":") ? null : "{}";
    return server.send(route[0], route[1], body, headers);
  }

  private static String token(byte[] key, String issuer, Instant notBefore, Instant expiry)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .notBeforeTime(Date.from(notBefore))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(key));
    return jwt.serialize();
  }
}
