package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry: how to reach it and how to authorize requests to it (as jib's
 * RegistryEndpointCaller does).
 *
 * <p>The first request probes {@code https://HOST/v2/}. When that fails and plain HTTP is allowed
 * (the settings say insecure, or the host is {@code localhost} or a loopback address, as Docker
 * does), {@code http://HOST/v2/} is tried, and whichever answered serves every later request. A 401
 * is answered through the {@link Authorizer} and the request sent again, at most twice.
 * Thread-safe.
 */
final class RegistryEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryEndpoint.class);
  private static final int MAX_REQUESTS = 3;

  private final String registry;
  private final String host;
  private final HttpTransport http;
  private final Authorizer authorizer;
  private final boolean plainHttpAllowed;
  private volatile URI base;

  RegistryEndpoint(
      ImageReference reference, HttpTransport http, Authorizer authorizer, boolean insecure) {
    this.registry = reference.registry();
    this.host = reference.apiHost();
    this.http = http;
    this.authorizer = authorizer;
    this.plainHttpAllowed = insecure || isLoopback(host);
  }

  /**
   * GETs {@code /v2/REPOSITORY/PATH}, authorized; one attempt.
   *
   * @return the answer, which the caller closes: anything but 401 and retryable statuses
   * @throws RetryableStatusException on a 5xx or 429 answer
   * @throws RegistryException when authorization fails
   */
  Reply get(String repository, String path, Map<String, String> headers) throws IOException {
    URI uri = base().resolve(repository + "/" + path);
    String authorization = authorizer.header(repository);
    for (int sent = 1; ; sent++) {
      Map<String, String> request = new LinkedHashMap<>(headers);
      if (authorization != null) {
        request.put("Authorization", authorization);
      }
      Reply reply = http.get(uri, request);
      if (RetryableStatusException.retryable(reply.status())) {
        throw RetryableStatusException.of("GET " + uri, reply);
      }
      if (reply.status() != 401) {
        return reply;
      }
      List<Challenge> challenges = Challenge.parse(reply.headers().allValues("WWW-Authenticate"));
      reply.close();
      if (sent == MAX_REQUESTS) {
        throw new RegistryException(
            "registry: " + registry + " still refuses " + repository + " after authenticating");
      }
      authorization = authorizer.answer(repository, challenges, authorization);
    }
  }

  /** The URL of a blob of {@code repository}, once the registry has been reached. */
  URI blobUri(String repository, Digest digest) throws IOException {
    return base().resolve(repository + "/blobs/" + digest);
  }

  /** The {@code Authorization} value requests to {@code repository} carry now, or null. */
  String authorization(String repository) throws IOException {
    return authorizer.header(repository);
  }

  /** The registry's name as references spell it, e.g. {@code docker.io}. */
  String registry() {
    return registry;
  }

  private URI base() throws IOException {
    URI known = base;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (base == null) {
        base = probe();
      }
      return base;
    }
  }

  private URI probe() throws IOException {
    URI https = URI.create("https://" + host + "/v2/");
    try (Reply reply = http.get(https, Map.of())) {
      return https;
    } catch (IOException secure) {
      if (!plainHttpAllowed || secure instanceof RegistryException) {
        throw secure;
      }
      URI plain = URI.create("http://" + host + "/v2/");
      try (Reply reply = http.get(plain, Map.of())) {
        if (reply.status() == 400) {
          throw new RegistryException(
              "registry: cannot reach "
                  + https
                  + " ("
                  + RetryPolicy.reason(secure)
                  + "), and "
                  + plain
                  + " answered 400",
              secure);
        }
        LOG.atInfo()
            .setMessage("registry: https failed, using plain http")
            .addKeyValue("registry", host)
            .addKeyValue("error", RetryPolicy.reason(secure))
            .log();
        return plain;
      } catch (RegistryException e) {
        throw e;
      } catch (IOException e) {
        throw new RegistryException(
            "registry: cannot reach "
                + host
                + ": https: "
                + RetryPolicy.reason(secure)
                + "; http: "
                + RetryPolicy.reason(e),
            e);
      }
    }
  }

  /** True for {@code localhost} and loopback addresses, which may speak plain HTTP. */
  static boolean isLoopback(String hostAndPort) {
    String name = hostAndPort.toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      return name.startsWith("[::1]");
    }
    int colon = name.indexOf(':');
    name = colon >= 0 ? name.substring(0, colon) : name;
    return name.equals("localhost") || name.startsWith("127.");
  }
}
