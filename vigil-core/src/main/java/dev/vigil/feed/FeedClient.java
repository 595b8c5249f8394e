package dev.vigil.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches feed files over http(s) or from {@code file:} mirrors, conditionally and with timeouts.
 *
 * <p>Over http(s) a fetch sends {@code If-None-Match} / {@code If-Modified-Since} from the previous
 * {@link Validators}, follows redirects (never from https to http) and identifies itself as {@code
 * vigil}. A {@code file:} mirror is a directory laid out like the upstream site; there a file's
 * size and modification time serve as its validators. Bodies larger than the size limit fail.
 * Instances are immutable and thread-safe.
 */
public final class FeedClient {
  /** The default body size limit: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  private final Duration timeout;
  private final HttpFeed http;
  private final FileFeed files;

  /**
   * A client whose connects, and waits for a response's headers, each give up after {@code
   * timeout}; bodies may be up to {@link #DEFAULT_MAX_BYTES}.
   */
  public FeedClient(Duration timeout) {
    this(timeout, DEFAULT_MAX_BYTES);
  }

  /** A client with a timeout and a limit on the size of any one body. */
  public FeedClient(Duration timeout, long maxBytes) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("feed: the timeout must be positive, not " + timeout);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("feed: the size limit must be positive, not " + maxBytes);
    }
    this.timeout = timeout;
    this.http = new HttpFeed(timeout, maxBytes);
    this.files = new FileFeed(maxBytes);
  }

  /** The connect and response timeout. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Fetches {@code uri} into {@code target} unless the source reports it unchanged since {@code
   * previous}. The target is replaced atomically, and only when the status is {@code OK}; its
   * parent directories are created as needed.
   *
   * @param previous the validators of the last fetch, or {@link Validators#NONE}
   * @throws FeedNotFoundException when the source has no such file
   * @throws IOException on any other failure, e.g. {@code feed: GET <url> returned 503}
   */
  public FeedResponse fetch(URI uri, Validators previous, Path target) throws IOException {
    return fetch(uri, previous, target, Map.of());
  }

  /**
   * {@link #fetch(URI, Validators, Path)} with extra request headers for http(s), e.g. an API key;
   * {@code file:} mirrors ignore them.
   */
  public FeedResponse fetch(URI uri, Validators previous, Path target, Map<String, String> headers)
      throws IOException {
    Validators since = previous == null ? Validators.NONE : previous;
    return switch (scheme(uri)) {
      case "http", "https" -> http.fetch(uri, since, target, headers);
      default -> files.fetch(uri, since, target);
    };
  }

  /**
   * Lists a directory of the source: for {@code file:} its entry names (directories with a trailing
   * {@code /}), for http(s) the relative links of its HTML index page, in page order.
   *
   * @throws FeedNotFoundException when the source has no such directory
   * @throws IOException on any other failure
   */
  public List<String> listDirectory(URI dir) throws IOException {
    return switch (scheme(dir)) {
      case "http", "https" -> http.list(dir);
      default -> files.list(dir);
    };
  }

  private static String scheme(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
      throw new IllegalArgumentException("feed: unsupported URI " + uri + " (http, https, file)");
    }
    return scheme;
  }

  /** {@code source} as a directory: with a trailing slash, so relative names resolve below it. */
  public static URI directory(URI source) {
    String text = source.toString();
    return text.endsWith("/") ? source : URI.create(text + "/");
  }
}
