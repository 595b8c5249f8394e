package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.PostgresSchema;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexer and matcher as two {@code vigil serve} processes on PostgreSQL, each with its own schema,
 * both behind PSK auth: the matcher asks the indexer for index reports over HTTP, signing its own
 * intraservice tokens.
 */
class ServeTwoProcessTest {
  private static final Pattern SERVING =
      Pattern.compile("vigil: serving \\w+: API on port (\\d+), introspection on port (\\d+)");
  private static final byte[] KEY =
      "the two processes share this 32+ byte key".getBytes(StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final List<Process> processes = new ArrayList<>();

  @Test
  void matcherCallsTheIndexerOverHttp(@TempDir Path tmp) throws Exception {
    byte[] layer = p1Layer();
    HttpServer blobs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    blobs.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, layer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(layer);
          }
        });
    blobs.start();
    Path mirror = Files.createDirectories(tmp.resolve("secdb/v3.10"));
    Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/main.json"), mirror.resolve("main.json"));
    String auth =
        "auth:\n  psk:\n    key: " + Base64.getEncoder().encodeToString(KEY) + "\n    iss: [ci]\n";
    try (PostgresSchema indexerDb = new PostgresSchema();
        PostgresSchema matcherDb = new PostgresSchema()) {
      int[] indexer =
          serve(
              tmp,
              "indexer",
              "indexer:\n  layer_cache: \""
                  + tmp.resolve("layers")
                  + "\"\n  connstring: \""
                  + indexerDb.url()
                  + "\"\n"
                  + auth);
      int[] matcher =
          serve(
              tmp,
              "matcher",
              "matcher:\n  connstring: \""
                  + matcherDb.url()
                  + "\"\n  indexer_addr: http://127.0.0.1:"
                  + indexer[0]
                  + "\nupdaters:\n  sets: [alpine]\n  config:\n    alpine:\n      url: "
                  + tmp.resolve("secdb").toUri()
                  + "\n"
                  + auth);
      awaitReady(matcher[1]);

      Digest manifest = Digest.sha256("two-process".getBytes(StandardCharsets.UTF_8));
      String body =
          "{\"hash\":\""
              + manifest
              + "\",\"layers\":[{\"hash\":\""
              + Digest.sha256(layer)
              + "\",\"uri\":\"http://127.0.0.1:"
              + blobs.getAddress().getPort()
              + "/blob\"}]}";
      HttpResponse<String> indexed =
          send("POST", indexer[0], "/indexer/api/v1/index_report", body, token());
      assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

      String path = "/matcher/api/v1/vulnerability_report/" + manifest;
      assertThat(send("GET", matcher[0], path, null, null).statusCode()).isEqualTo(401);
      HttpResponse<String> report = send("GET", matcher[0], path, null, token());
      assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
      JsonNode vr = Json.mapper().readTree(report.body());
      assertThat(vr.get("packages")).hasSize(14);
      assertThat(vr.get("package_vulnerabilities").size()).isGreaterThanOrEqualTo(7);
    } finally {
      processes.forEach(ServeTwoProcessTest::stop);
      blobs.stop(0);
    }
  }

  /** Starts {@code vigil serve --mode MODE}; returns its API and introspection ports. */
  private int[] serve(Path tmp, String mode, String yaml) throws Exception {
    Path config = tmp.resolve(mode + ".yaml");
    Files.writeString(
        config, "http_listen_addr: 127.0.0.1:0\nintrospection_addr: 127.0.0.1:0\n" + yaml);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VigilCli.class.getName(),
                "serve",
                "--mode",
                mode,
                "--config",
                config.toString())
            .redirectError(tmp.resolve(mode + ".log").toFile());
    builder.environment().remove("VIGIL_CONFIG");
    Process process = builder.start();
    processes.add(process);
    CompletableFuture<int[]> ports = CompletableFuture.supplyAsync(() -> ports(process));
    try {
      return ports.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          mode + " did not start: " + Files.readString(tmp.resolve(mode + ".log")), e);
    }
  }

  private static int[] ports(Process process) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("serve: exited before listening");
  }

  private void awaitReady(int introspectionPort) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (send("GET", introspectionPort, "/readyz", null, null).statusCode() != 200) {
      assertThat(Instant.now()).as("matcher ready in time").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private HttpResponse<String> send(String method, int port, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token() throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("ci")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(KEY));
    return jwt.serialize();
  }

  private static byte[] p1Layer() throws Exception {
    try (InputStream file =
            Files.newInputStream(
                Fixtures.fixture("images/docker-archive/alpine-3.10.4-docker-save.tar.gz"));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith("/layer.tar")) {
          return tar.readAllBytes();
        }
      }
    }
    throw new IllegalStateException("fixtures: no layer.tar in the P1 image");
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
