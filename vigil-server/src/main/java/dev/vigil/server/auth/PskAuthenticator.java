package dev.vigil.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.server.config.ServerConfig;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clair's pre-shared key authentication: a bearer JWT signed with HMAC (HS256, HS384 or HS512)
 * under the shared key, whose {@code iss} is allow-listed and whose {@code exp}, {@code nbf} and
 * {@code iat} hold within {@value #LEEWAY_SECONDS} seconds of leeway. As in Clair, the issuer
 * {@value #INTRASERVICE_ISSUER} is always accepted: services of one deployment sign with it.
 *
 * <p>Thread-safe.
 */
public final class PskAuthenticator {
  /** The issuer services of one deployment use when calling each other. */
  public static final String INTRASERVICE_ISSUER = "clair-intraservice";

  static final long LEEWAY_SECONDS = 15;
  private static final Duration LEEWAY = Duration.ofSeconds(LEEWAY_SECONDS);
  private static final Duration INTRASERVICE_LIFETIME = Duration.ofMinutes(5);
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

  private final MACVerifier verifier;
  private final MACSigner signer;
  private final List<String> issuers;
  private final Clock clock;

  /** An authenticator for the configured key and issuers. */
  public PskAuthenticator(ServerConfig.Psk psk, Clock clock) {
    try {
      this.verifier = new MACVerifier(psk.key());
      this.signer = new MACSigner(psk.key());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("auth: unusable pre-shared key: " + e.getMessage(), e);
    }
    List<String> accepted = new ArrayList<>(psk.issuers());
    accepted.add(INTRASERVICE_ISSUER);
    this.issuers = List.copyOf(accepted);
    this.clock = clock;
  }

  /**
   * Checks an {@code Authorization} header value.
   *
   * @return empty when the request may proceed, else why it may not
   */
  public Optional<String> check(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.of("no bearer token");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).trim());
      if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
        return Optional.of("unsupported algorithm " + jwt.getHeader().getAlgorithm());
      }
      if (!jwt.verify(verifier)) {
        return Optional.of("bad signature");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | JOSEException e) {
      return Optional.of("malformed token");
    }
    Instant now = clock.instant();
    if (claims.getExpirationTime() != null
        && now.minus(LEEWAY).isAfter(claims.getExpirationTime().toInstant())) {
      return Optional.of("token expired");
    }
    if (claims.getNotBeforeTime() != null
        && now.plus(LEEWAY).isBefore(claims.getNotBeforeTime().toInstant())) {
      return Optional.of("token not valid yet");
    }
    if (claims.getIssueTime() != null
        && now.plus(LEEWAY).isBefore(claims.getIssueTime().toInstant())) {
      return Optional.of("token issued in the future");
    }
    if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
      return Optional.of("issuer not allowed");
    }
    return Optional.empty();
  }

  /** A fresh {@code Authorization} header value for calling another service of this deployment. */
  public String intraserviceAuthorization() {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(INTRASERVICE_ISSUER)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(INTRASERVICE_LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("auth: cannot sign an intraservice token", e);
    }
    return "Bearer " + jwt.serialize();
  }
}
