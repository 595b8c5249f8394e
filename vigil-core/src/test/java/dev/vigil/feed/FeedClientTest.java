package dev.vigil.feed;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedClientTest {
  private static final String SECDB = "feeds/alpine-secdb/v3.10/main.json";

  private final FeedClient client = new FeedClient(Duration.ofSeconds(10));
  private final MockWebServer server = new MockWebServer();
  @TempDir Path tmp;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] secdb() throws IOException {
    return Files.readAllBytes(fixture(SECDB));
  }

  private static MockResponse ok(byte[] body, String... headers) {
    MockResponse.Builder response =
        new MockResponse.Builder().code(200).body(new Buffer().write(body));
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  @Test
  void fetchesOverHttpThenGetsNotModified() throws Exception {
    byte[] body = secdb();
    String lastModified = "Tue, 31 Dec 2024 10:00:00 GMT";
    server.enqueue(ok(body, "ETag", "\"abc\"", "Last-Modified", lastModified));
    server.enqueue(new MockResponse.Builder().code(304).build());
    URI uri = server.url("/v3.10/main.json").uri();
    Path target = tmp.resolve("out/v3.10/main.json");

    FeedResponse first = client.fetch(uri, Validators.NONE, target);
    FeedResponse second = client.fetch(uri, first.validators(), target);

    assertThat(first.status()).isEqualTo(FeedResponse.Status.OK);
    assertThat(first.validators()).isEqualTo(new Validators("\"abc\"", lastModified));
    assertThat(target).hasBinaryContent(body);
    assertThat(second.notModified()).isTrue();
    assertThat(second.validators()).isEqualTo(first.validators());
    RecordedRequest unconditional = server.takeRequest();
    assertThat(unconditional.getHeaders().get("User-Agent")).isEqualTo("vigil");
    assertThat(unconditional.getHeaders().get("If-None-Match")).isNull();
    RecordedRequest conditional = server.takeRequest();
    assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"abc\"");
    assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo(lastModified);
    assertThat(target).hasBinaryContent(body);
    assertThat(leftovers(target.getParent())).containsExactly("main.json");
  }

  @Test
  void followsRedirects() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/moved/main.json").build());
    server.enqueue(ok(secdb()));
    Path target = tmp.resolve("main.json");

    FeedResponse response = client.fetch(server.url("/main.json").uri(), null, target);

    assertThat(response.status()).isEqualTo(FeedResponse.Status.OK);
    assertThat(response.validators()).isEqualTo(Validators.NONE);
    assertThat(target).hasBinaryContent(secdb());
  }

  @Test
  void reportsServerErrorsWithTheUrl() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    URI uri = server.url("/v3.10/main.json").uri();

    assertThatThrownBy(() -> client.fetch(uri, Validators.NONE, tmp.resolve("main.json")))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(FeedNotFoundException.class)
        .hasMessage("feed: GET " + uri + " returned 503");
    assertThat(tmp.resolve("main.json")).doesNotExist();
  }

  @Test
  void reportsMissingFilesApart() {
    server.enqueue(new MockResponse.Builder().code(404).build());
    URI uri = server.url("/v3.2/community.json").uri();

    assertThatThrownBy(() -> client.fetch(uri, Validators.NONE, tmp.resolve("community.json")))
        .isInstanceOf(FeedNotFoundException.class)
        .hasMessage("feed: GET " + uri + " returned 404");
  }

  @Test
  void refusesBodiesOverTheLimitAndKeepsTheOldFile() throws Exception {
    FeedClient small = new FeedClient(Duration.ofSeconds(10), 1000);
    server.enqueue(ok(secdb()));
    server.enqueue(
        new MockResponse.Builder().chunkedBody(new Buffer().write(secdb()), 512).build());
    Path target = tmp.resolve("main.json");
    Files.writeString(target, "old");
    URI uri = server.url("/main.json").uri();

    assertThatThrownBy(() -> small.fetch(uri, Validators.NONE, target))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("feed: GET " + uri + " body exceeds the limit of 1000 bytes");
    assertThatThrownBy(() -> small.fetch(uri, Validators.NONE, target))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("feed: GET " + uri + " body exceeds the limit of 1000 bytes");
    assertThat(target).hasContent("old");
    assertThat(leftovers(tmp)).containsExactly("main.json");
  }

  @Test
  void timesOutSlowServers() {
    FeedClient impatient = new FeedClient(Duration.ofMillis(200));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .headersDelay(3, TimeUnit.SECONDS)
            .body("late")
            .build());
    URI uri = server.url("/slow.json").uri();

    assertThatThrownBy(() -> impatient.fetch(uri, Validators.NONE, tmp.resolve("slow.json")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("feed: GET " + uri + " failed: ");
  }

  @Test
  void cutsOffABodyThatStallsMidway() throws IOException {
    FeedClient impatient = new FeedClient(Duration.ofMillis(500));
    byte[] body = secdb();
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(new Buffer().write(body))
            .throttleBody(body.length / 2, 1, TimeUnit.HOURS)
            .build());
    URI uri = server.url("/v3.10/main.json").uri();
    Path target = tmp.resolve("out/main.json");

    assertThatThrownBy(() -> impatient.fetch(uri, Validators.NONE, target))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("feed: GET " + uri + ": no data received for 500 ms (read timeout)");
    assertThat(leftovers(target.getParent())).isEmpty();
  }

  @Test
  void listsRelativeLinksOfAnIndexPage() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(
                "<pre><a href=\"../\">../</a>\n<a href=\"edge/\">edge/</a>\n"
                    + "<a href=\"v3.10/\">v3.10/</a>\n<a href=\"last-update\">last-update</a></pre>")
            .build());

    assertThat(client.listDirectory(server.url("/").uri()))
        .containsExactly("edge/", "v3.10/", "last-update");
  }

  @Test
  void fetchesFromAFileMirrorByMtimeAndSize() throws Exception {
    Path source = tmp.resolve("mirror/v3.10/main.json");
    Files.createDirectories(source.getParent());
    Files.copy(fixture(SECDB), source);
    Path target = tmp.resolve("out/v3.10/main.json");

    FeedResponse first = client.fetch(source.toUri(), Validators.NONE, target);
    Files.delete(target);
    FeedResponse second = client.fetch(source.toUri(), first.validators(), target);
    Files.setLastModifiedTime(source, FileTime.fromMillis(0));
    FeedResponse third = client.fetch(source.toUri(), first.validators(), target);

    assertThat(first.status()).isEqualTo(FeedResponse.Status.OK);
    assertThat(first.validators().etag()).startsWith("\"" + Files.size(source) + "-");
    assertThat(second.notModified()).isTrue();
    assertThat(third.status()).isEqualTo(FeedResponse.Status.OK);
    assertThat(third.validators()).isNotEqualTo(first.validators());
    assertThat(third.validators().lastModified()).isEqualTo("Thu, 1 Jan 1970 00:00:00 GMT");
    assertThat(target).hasBinaryContent(secdb());
  }

  @Test
  void listsAFileMirror() throws Exception {
    Files.createDirectories(tmp.resolve("v3.10"));
    Files.createDirectories(tmp.resolve("edge"));
    Files.writeString(tmp.resolve("last-update"), "2024-12-31");

    assertThat(client.listDirectory(tmp.toUri())).containsExactly("edge/", "last-update", "v3.10/");
  }

  @Test
  void reportsMissingMirrorFiles() {
    URI missing = tmp.resolve("v3.2/community.json").toUri();

    assertThatThrownBy(() -> client.fetch(missing, Validators.NONE, tmp.resolve("out.json")))
        .isInstanceOf(FeedNotFoundException.class)
        .hasMessage("feed: no such file " + missing);
    assertThatThrownBy(() -> client.listDirectory(tmp.resolve("nope").toUri()))
        .isInstanceOf(FeedNotFoundException.class);
  }

  @Test
  void refusesMirrorFilesOverTheLimit() {
    FeedClient small = new FeedClient(Duration.ofSeconds(1), 1000);
    URI uri = fixture(SECDB).toUri();

    assertThatThrownBy(() -> small.fetch(uri, Validators.NONE, tmp.resolve("main.json")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("feed: GET " + uri + " body exceeds the limit of 1000 bytes");
  }

  @Test
  void refusesOtherSchemesAndBadSettings() {
    assertThatThrownBy(
            () ->
                client.fetch(URI.create("ftp://example.org/x"), Validators.NONE, tmp.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("feed: unsupported URI ftp://example.org/x");
    assertThatThrownBy(() -> new FeedClient(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FeedClient(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> leftovers(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
