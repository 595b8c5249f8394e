package dev.vigil.ecosystem.nvd;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvdUpdaterTest {
  private static final NvdPacing QUICK = new NvdPacing(Duration.ZERO, 1, Duration.ZERO);
  private static final Instant NOW = Instant.parse("2024-11-20T10:00:00Z");

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  @TempDir Path tmp;

  /**
   * The NVD API over the 38 CVEs of the fixture page, {@code per} CVEs a page whatever the client
   * asks, as the API does beyond its limit; a request with {@code lastModStartDate} gets the first
   * {@code changed} CVEs only.
   */
  private static final class Api extends Dispatcher {
    private final ArrayNode cves;
    private final int per;
    private final int changed;
    private int failuresLeft;

    Api(int per, int changed, int failures) throws IOException {
      this.cves =
          (ArrayNode)
              Json.mapper()
                  .readTree(fixture("feeds/nvd/api-2.0/page-38-cves.json").toFile())
                  .path("vulnerabilities");
      this.per = per;
      this.changed = changed;
      this.failuresLeft = failures;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (failuresLeft > 0) {
        failuresLeft--;
        return new MockResponse.Builder().code(503).build();
      }
      int start = Integer.parseInt(request.getUrl().queryParameter("startIndex"));
      int total =
          request.getUrl().queryParameter("lastModStartDate") == null ? cves.size() : changed;
      ObjectNode page = Json.mapper().createObjectNode();
      page.put("resultsPerPage", per);
      page.put("startIndex", start);
      page.put("totalResults", total);
      page.put("format", "NVD_CVE");
      page.put("version", "2.0");
      ArrayNode items = page.putArray("vulnerabilities");
      for (int i = start; i < Math.min(total, start + per); i++) {
        items.add(cves.get(i));
      }
      return new MockResponse.Builder().code(200).body(page.toString()).build();
    }
  }

  private NvdUpdater updater(URI source, Instant now) {
    return new NvdUpdater(source, client, QUICK, "secret", Clock.fixed(now, ZoneOffset.UTC));
  }

  private static List<EnrichmentRecord> parse(EnrichmentUpdater updater, Path dir, boolean changes)
      throws IOException {
    List<EnrichmentRecord> records = new ArrayList<>();
    assertThat(updater.parseEnrichments(dir, records::add))
        .isEqualTo(changes ? EnrichmentUpdater.Scope.CHANGES : EnrichmentUpdater.Scope.ALL);
    return records;
  }

  @Test
  void pagesThroughTheApiThenAsksOnlyForChanges() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Api(15, 4, 1));
      server.start();
      URI api = server.url("/rest/json/cves/2.0").uri();

      FetchResult first = updater(api, NOW).fetch(tmp.resolve("first"), "");
      List<EnrichmentRecord> all = parse(updater(api, NOW), tmp.resolve("first"), false);

      assertThat(first.changed()).isTrue();
      assertThat(all.stream().map(EnrichmentRecord::cve).distinct()).hasSize(35);
      assertThat(server.getRequestCount()).isEqualTo(1 + 3);
      server.takeRequest();
      RecordedRequest firstPage = server.takeRequest();
      assertThat(firstPage.getUrl().queryParameter("resultsPerPage")).isEqualTo("2000");
      assertThat(firstPage.getUrl().queryParameter("startIndex")).isEqualTo("0");
      assertThat(firstPage.getHeaders().get("apiKey")).isEqualTo("secret");
      assertThat(server.takeRequest().getUrl().queryParameter("startIndex")).isEqualTo("15");
      assertThat(server.takeRequest().getUrl().queryParameter("startIndex")).isEqualTo("30");

      Instant later = NOW.plus(Duration.ofDays(1));
      FetchResult second = updater(api, later).fetch(tmp.resolve("second"), first.fingerprint());
      List<EnrichmentRecord> changes = parse(updater(api, later), tmp.resolve("second"), true);

      assertThat(second.changed()).isTrue();
      assertThat(changes.stream().map(EnrichmentRecord::cve).distinct()).hasSize(4);
      RecordedRequest incremental = server.takeRequest();
      assertThat(incremental.getUrl().queryParameter("lastModStartDate"))
          .isEqualTo("2024-11-20T10:00:00.000+00:00");
      assertThat(incremental.getUrl().queryParameter("lastModEndDate"))
          .isEqualTo("2024-11-21T10:00:00.000+00:00");
    }
  }

  @Test
  void anOldFingerprintMeansAFullFetchAndNoChangesMeansUnchanged() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Api(2000, 0, 0));
      server.start();
      URI api = server.url("/rest/json/cves/2.0").uri();
      FetchResult first = updater(api, NOW).fetch(tmp.resolve("first"), "");

      FetchResult quiet =
          updater(api, NOW.plusSeconds(60)).fetch(tmp.resolve("quiet"), first.fingerprint());
      Instant months = NOW.plus(Duration.ofDays(NvdUpdater.MAX_DAYS));
      FetchResult full = updater(api, months).fetch(tmp.resolve("full"), first.fingerprint());

      assertThat(quiet.changed()).isFalse();
      assertThat(full.changed()).isTrue();
      assertThat(parse(updater(api, months), tmp.resolve("full"), false)).isNotEmpty();
    }
  }

  @Test
  void readsAFileMirrorOfPagesConditionally() throws IOException {
    URI mirror = fixture("feeds/nvd/api-2.0").toUri();
    NvdUpdater updater = updater(mirror, NOW);

    FetchResult first = updater.fetch(tmp.resolve("first"), "");
    List<EnrichmentRecord> records = parse(updater, tmp.resolve("first"), false);

    assertThat(first.changed()).isTrue();
    assertThat(records)
        .extracting(EnrichmentRecord::cve)
        .contains("CVE-2022-34668", "CVE-2023-4863");
    JsonNode nvidia =
        records.stream()
            .filter(r -> r.cve().equals("CVE-2022-34668"))
            .findFirst()
            .orElseThrow()
            .data();
    assertThat(nvidia.path("baseScore").decimalValue()).isEqualByComparingTo("9.8");
    assertThat(updater.fetch(tmp.resolve("second"), first.fingerprint()).changed()).isFalse();
    assertThat(Files.list(tmp.resolve("second/pages")).count()).isZero();
  }

  @Test
  void factoryNamesTheApi() {
    NvdUpdaterFactory factory = new NvdUpdaterFactory();
    assertThat(factory.name()).isEqualTo("nvd");
    assertThat(factory.defaultSource().toString())
        .isEqualTo("https://services.nvd.nist.gov/rest/json/cves/2.0");
    assertThat(factory.runsByDefault()).isTrue();
  }
}
