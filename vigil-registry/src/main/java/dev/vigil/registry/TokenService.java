package dev.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets bearer tokens from a registry's token server, as the Docker token specification describes:
 * {@code GET realm?service=…&scope=…}, with HTTP Basic credentials when there are some, answered by
 * {@code {"token"|"access_token", "expires_in"}}. Tokens are cached per realm, service, scope and
 * user until shortly before they expire, counted from when they were asked for by the local clock,
 * so clock skew does not matter ({@code expires_in} defaults to 60 seconds). Thread-safe.
 */
final class TokenService {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  private static final Duration MARGIN = Duration.ofSeconds(10);
  private static final int MAX_RESPONSE = 1 << 20;

  private record Token(String value, Instant expires) {}

  private final HttpTransport http;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  TokenService(HttpTransport http) {
    this.http = http;
  }

  /**
   * A token for {@code scope} (space-separated scopes are sent as several {@code scope}
   * parameters).
   *
   * @param challenge the registry's {@code Bearer} challenge, with its realm
   * @param credential the user's credential, or null for an anonymous token
   * @param fresh true to skip the cache, e.g. after the registry refused the cached token
   * @throws RegistryException when the token server refuses or answers something unusable
   */
  String token(Challenge challenge, String scope, Credential credential, boolean fresh)
      throws IOException {
    String realm =
        challenge
            .param("realm")
            .orElseThrow(
                () -> new RegistryException("registry: a Bearer challenge without a realm"));
    String service = challenge.param("service").orElse("");
    String key = realm + '\n' + service + '\n' + scope + '\n' + user(credential);
    Token cached = cache.get(key);
    if (!fresh && cached != null && Instant.now().plus(MARGIN).isBefore(cached.expires())) {
      return cached.value();
    }
    Token token = fetch(realm, service, scope, credential);
    cache.put(key, token);
    return token.value();
  }

  private Token fetch(String realm, String service, String scope, Credential credential)
      throws IOException {
    URI uri = uri(realm, service, scope);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (credential != null) {
      headers.put("Authorization", credential.basicAuthorization());
    }
    Instant asked = Instant.now();
    try (Reply reply = http.get(uri, headers)) {
      if (RetryableStatusException.retryable(reply.status())) {
        throw RetryableStatusException.of("the token server", reply);
      }
      if (reply.status() == 401 || reply.status() == 403) {
        throw new RegistryException(
            credential == null
                ? "registry: the token server "
                    + realm
                    + " refused an anonymous token ("
                    + reply.status()
                    + "); pass --username and --password"
                : "registry: the token server "
                    + realm
                    + " rejected the credentials of user '"
                    + credential.username()
                    + "' ("
                    + reply.status()
                    + ")");
      }
      if (reply.status() != 200) {
        throw new RegistryException(
            "registry: the token server " + realm + " answered " + reply.status());
      }
      return parse(reply.body().readNBytes(MAX_RESPONSE), realm, asked);
    }
  }

  private static Token parse(byte[] body, String realm, Instant asked) throws RegistryException {
    JsonNode answer;
    try {
      answer = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new RegistryException("registry: the token server " + realm + " sent no JSON", e);
    }
    String value = answer.path("token").asText("");
    if (value.isEmpty()) {
      value = answer.path("access_token").asText("");
    }
    if (value.isEmpty()) {
      throw new RegistryException("registry: the token server " + realm + " sent no token");
    }
    long seconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
    return new Token(value, asked.plusSeconds(Math.max(seconds, 1)));
  }

  private static URI uri(String realm, String service, String scope) throws RegistryException {
    StringBuilder query = new StringBuilder();
    if (!service.isEmpty()) {
      query.append("service=").append(encode(service));
    }
    for (String one : scope.split(" ")) {
      if (!one.isBlank()) {
        query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(one));
      }
    }
    try {
      URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new RegistryException("registry: the token realm '" + realm + "' is not a URL", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String user(Credential credential) {
    return credential == null ? "" : credential.username();
  }
}
