package dev.vigil.server.auth;

import dev.vigil.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs before every API route: a request without a valid PSK token ends with 401. */
public final class AuthFilter implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

  private final PskAuthenticator authenticator;

  /** A filter checking with {@code authenticator}. */
  public AuthFilter(PskAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(Context ctx) {
    Optional<String> refused = authenticator.check(ctx.header("Authorization"));
    if (refused.isPresent()) {
      LOG.debug("request refused: path={} reason={}", ctx.path(), refused.get());
      throw new ApiException(401, "unauthorized: " + refused.get());
    }
  }
}
