package dev.vigil.ecosystem.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedNotFoundException;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings in CVSS data from the NVD CVE API 2.0 (upstream {@code
 * https://services.nvd.nist.gov/rest/json/cves/2.0}), or from a {@code file:} mirror: a directory
 * of API 2.0 response pages ({@code *.json}).
 *
 * <p>From the API, the first fetch reads every CVE, {@value #PAGE_SIZE} per page; a later fetch
 * within {@value #MAX_DAYS} days of the last one reads only the CVEs modified since ({@code
 * lastModStartDate}/{@code lastModEndDate}) and its parse reports {@link Scope#CHANGES}, so the
 * store keeps the other CVEs' records. Requests are paced ({@link NvdPacing}) and carry the API
 * key, when one is given, in the {@code apiKey} header. A mirror is fetched whole, conditionally on
 * each page's validators.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class NvdUpdater implements EnrichmentUpdater {
  /** The updater's name. */
  public static final String NAME = "nvd";

  /** CVEs per page asked of the API: its maximum. */
  public static final int PAGE_SIZE = 2000;

  /** The longest {@code lastModStartDate}..{@code lastModEndDate} range the API accepts. */
  public static final int MAX_DAYS = 120;

  private static final Logger LOG = LoggerFactory.getLogger(NvdUpdater.class);
  private static final String PAGES = "pages";
  private static final String CHANGES_MARKER = "changes-only";
  private static final DateTimeFormatter API_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'%2B00:00'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final URI source;
  private final FeedClient client;
  private final NvdPacing pacing;
  private final Map<String, String> headers;
  private final Clock clock;

  /**
   * An updater reading from {@code source}: the API's URL or a {@code file:} directory of pages.
   *
   * @param apiKey the NVD API key, or null or empty for none
   */
  public NvdUpdater(URI source, FeedClient client, NvdPacing pacing, String apiKey, Clock clock) {
    this.source = source;
    this.client = client;
    this.pacing = pacing;
    this.headers = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("apiKey", apiKey);
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FetchResult fetch(Path dir, String previousFingerprint) throws IOException {
    Path pages = Files.createDirectories(dir.resolve(PAGES));
    if ("file".equalsIgnoreCase(source.getScheme())) {
      return fetchMirror(pages, previousFingerprint);
    }
    Instant now = clock.instant();
    Instant since = lastFetch(previousFingerprint);
    boolean changesOnly =
        since != null && Duration.between(since, now).compareTo(Duration.ofDays(MAX_DAYS)) < 0;
    String range =
        changesOnly
            ? "&lastModStartDate=" + apiDate(since) + "&lastModEndDate=" + apiDate(now)
            : "";
    int total = fetchPages(pages, range);
    if (changesOnly) {
      Files.createFile(dir.resolve(CHANGES_MARKER));
    }
    LOG.atInfo()
        .setMessage("nvd: fetched the CVE API")
        .addKeyValue("cves", total)
        .addKeyValue("changesOnly", changesOnly)
        .log();
    ObjectNode next = Json.mapper().createObjectNode();
    next.put("api", source.toString());
    next.put("until", now.toString());
    return new FetchResult(!changesOnly || total > 0, next.toString());
  }

  @Override
  public Scope parseEnrichments(Path dir, Consumer<EnrichmentRecord> sink) throws IOException {
    for (Path page : pageFiles(dir.resolve(PAGES))) {
      try (InputStream in = Files.newInputStream(page)) {
        NvdPageParser.parse(in, page.getFileName().toString(), sink);
      }
    }
    return Files.exists(dir.resolve(CHANGES_MARKER)) ? Scope.CHANGES : Scope.ALL;
  }

  private int fetchPages(Path pages, String range) throws IOException {
    int start = 0;
    int total;
    do {
      if (start > 0) {
        sleep(pacing.pause());
      }
      URI page =
          URI.create(source + "?resultsPerPage=" + PAGE_SIZE + "&startIndex=" + start + range);
      Path target = pages.resolve(String.format(Locale.ROOT, "%09d.json", start));
      fetchWithRetries(page, target);
      NvdPageParser.Paging paging;
      try (InputStream in = Files.newInputStream(target)) {
        paging = NvdPageParser.paging(in, target.getFileName().toString());
      }
      total = paging.totalResults();
      if (paging.resultsPerPage() <= 0 && start < total) {
        throw new ScanException(
            "nvd: " + page + " holds no results although " + total + " are announced");
      }
      start += paging.resultsPerPage();
    } while (start < total);
    return total;
  }

  private void fetchWithRetries(URI page, Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        client.fetch(page, Validators.NONE, target, headers);
        return;
      } catch (FeedNotFoundException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= pacing.retries()) {
          throw e;
        }
        LOG.atWarn()
            .setMessage("nvd: request failed, trying again")
            .addKeyValue("error", e.getMessage())
            .addKeyValue("wait", pacing.retryWait())
            .log();
        sleep(pacing.retryWait());
      }
    }
  }

  private FetchResult fetchMirror(Path pages, String previousFingerprint) throws IOException {
    URI dir = FeedClient.directory(source);
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    SortedMap<String, Validators> next = new TreeMap<>();
    boolean changed = false;
    List<String> names =
        client.listDirectory(dir).stream().filter(n -> n.endsWith(".json")).sorted().toList();
    for (String name : names) {
      URI uri = dir.resolve(name);
      FeedResponse response =
          client.fetch(
              uri, previous.getOrDefault(uri.toString(), Validators.NONE), pages.resolve(name));
      changed |= !response.notModified();
      next.put(uri.toString(), response.validators());
    }
    changed |= !next.keySet().equals(previous.keySet());
    if (changed) {
      for (String name : names) {
        if (!Files.exists(pages.resolve(name))) {
          URI uri = dir.resolve(name);
          next.put(
              uri.toString(), client.fetch(uri, Validators.NONE, pages.resolve(name)).validators());
        }
      }
    }
    return new FetchResult(changed, Fingerprint.encode(next));
  }

  private static List<Path> pageFiles(Path pages) throws IOException {
    if (!Files.isDirectory(pages)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pages)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** When the API was last read up to, from a fingerprint this updater wrote; else null. */
  private Instant lastFetch(String fingerprint) {
    if (fingerprint == null || fingerprint.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(fingerprint);
      if (!source.toString().equals(node.path("api").asText())) {
        return null;
      }
      return Instant.parse(node.path("until").asText());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String apiDate(Instant instant) {
    return API_DATE.format(instant);
  }

  private static void sleep(Duration duration) throws InterruptedIOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("nvd: interrupted while pacing requests");
    }
  }
}
