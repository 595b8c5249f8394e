package dev.vigil.registry;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's 401 challenges and remembers, per repository, how to authorize the next
 * request: HTTP Basic with the user's credential, or a bearer token for the challenge's realm and
 * scope (anonymous when there is no credential). Thread-safe.
 */
final class Authorizer {
  private static final String HINT =
      "pass --username and --password (or VIGIL_USERNAME/VIGIL_PASSWORD) or log in with docker";

  /** How requests to one repository are authorized: a bearer challenge and scope, or Basic. */
  private record Grant(Challenge bearer, String scope, Credential credential) {}

  private final String registry;
  private final Credentials credentials;
  private final TokenService tokens;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  Authorizer(String registry, Credentials credentials, TokenService tokens) {
    this.registry = registry;
    this.credentials = credentials;
    this.tokens = tokens;
  }

  /** The {@code Authorization} value for a request to {@code repository}, or null for none yet. */
  String header(String repository) throws IOException {
    Grant grant = grants.get(repository);
    if (grant == null) {
      return null;
    }
    if (grant.bearer() == null) {
      return grant.credential().basicAuthorization();
    }
    return "Bearer " + tokens.token(grant.bearer(), grant.scope(), grant.credential(), false);
  }

  /**
   * The {@code Authorization} value to retry a refused request with.
   *
   * @param challenges the challenges of the 401 answer
   * @param sent the value that was refused, or null
   * @throws RegistryException when retrying cannot help: no credential for a Basic challenge,
   *     credentials or token refused, or a token without the needed scope
   */
  String answer(String repository, List<Challenge> challenges, String sent) throws IOException {
    Optional<Credential> credential = credentials.forRegistry(registry);
    Optional<Challenge> bearer = find(challenges, "bearer");
    if (bearer.isPresent()) {
      String scope = bearer.get().param("scope").orElse("repository:" + repository + ":pull");
      boolean refusedToken = sent != null && sent.startsWith("Bearer ");
      if (refusedToken
          && bearer.get().param("error").filter("insufficient_scope"::equals).isPresent()) {
        throw denied(repository, credential, "insufficient_scope");
      }
      String header =
          "Bearer " + tokens.token(bearer.get(), scope, credential.orElse(null), refusedToken);
      if (header.equals(sent)) {
        throw denied(repository, credential, bearer.get().param("error").orElse("refused"));
      }
      grants.put(repository, new Grant(bearer.get(), scope, credential.orElse(null)));
      return header;
    }
    if (find(challenges, "basic").isPresent()) {
      if (credential.isEmpty()) {
        throw new RegistryException("registry: " + registry + " requires credentials; " + HINT);
      }
      String header = credential.get().basicAuthorization();
      if (header.equals(sent)) {
        throw new RegistryException(
            "registry: "
                + registry
                + " rejected the credentials of user '"
                + credential.get().username()
                + "'");
      }
      grants.put(repository, new Grant(null, null, credential.get()));
      return header;
    }
    throw new RegistryException(
        "registry: " + registry + " answered 401 without a Basic or Bearer challenge");
  }

  /** The error for a request still refused after authenticating. */
  RegistryException denied(String repository, Optional<Credential> credential, String reason) {
    return new RegistryException(
        credential.isEmpty()
            ? "registry: "
                + registry
                + " refused anonymous pull of "
                + repository
                + " ("
                + reason
                + "); "
                + HINT
            : "registry: "
                + registry
                + " denied user '"
                + credential.get().username()
                + "' pull of "
                + repository
                + " ("
                + reason
                + ")");
  }

  private static Optional<Challenge> find(List<Challenge> challenges, String scheme) {
    return challenges.stream().filter(c -> c.is(scheme)).findFirst();
  }
}
