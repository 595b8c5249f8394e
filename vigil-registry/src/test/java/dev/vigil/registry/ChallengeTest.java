package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void parsesABearerChallengeAsRegistriesSendIt() {
    String header =
        "Bearer realm=\"http://127.0.0.1:5003/token\",service=\"rig-registry\","
            + "scope=\"repository:rig/tiny:pull\",error=\"insufficient_scope\"";

    assertThat(Challenge.parse(List.of(header)))
        .containsExactly(
            new Challenge(
                "bearer",
                Map.of(
                    "realm", "http://127.0.0.1:5003/token",
                    "service", "rig-registry",
                    "scope", "repository:rig/tiny:pull",
                    "error", "insufficient_scope")));
  }

  @Test
  void parsesSeveralChallengesTokensAndEscapes() {
    List<Challenge> challenges =
        Challenge.parse(
            List.of(
                "Basic realm=\"Registry \\\"Realm\\\"\", Bearer realm=https://auth/token",
                "Negotiate"));

    assertThat(challenges)
        .containsExactly(
            new Challenge("basic", Map.of("realm", "Registry \"Realm\"")),
            new Challenge("bearer", Map.of("realm", "https://auth/token")),
            new Challenge("negotiate", Map.of()));
    assertThat(challenges.get(1).is("Bearer")).isTrue();
    assertThat(challenges.get(1).param("service")).isEmpty();
  }

  @Test
  void keepsCommasInsideQuotedScopes() {
    String header = "Bearer realm=\"r\",scope=\"repository:a:pull,push\"";

    assertThat(Challenge.parse(List.of(header)).get(0).param("scope"))
        .contains("repository:a:pull,push");
  }
}
