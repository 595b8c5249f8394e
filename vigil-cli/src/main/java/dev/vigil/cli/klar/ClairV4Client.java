package dev.vigil.cli.klar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fallback for servers without the v1 API: Clair v4's index report (the manifest as layer URLs
 * with their authorization) then its vulnerability report, read into klar's findings.
 */
final class ClairV4Client {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ClairHttp http;

  /** A client over {@code http}. */
  ClairV4Client(ClairHttp http) {
    this.http = http;
  }

  /**
   * Indexes the image and returns its findings, ordered by package then vulnerability name.
   *
   * @throws IOException when the server cannot be reached or answers an error
   */
  List<KlarVulnerability> analyse(KlarImage image) throws IOException {
    ObjectNode manifest = MAPPER.createObjectNode();
    manifest.put("hash", image.manifestDigest());
    var layers = manifest.putArray("layers");
    for (KlarImage.Layer layer : image.layers()) {
      ObjectNode l = layers.addObject();
      l.put("hash", layer.digest());
      l.put("uri", layer.uri().toString());
      ObjectNode headers = l.putObject("headers");
      if (image.authorization() != null) {
        headers.putArray("Authorization").add(image.authorization());
      }
    }
    HttpResponse<String> indexed =
        http.send("POST", "/indexer/api/v1/index_report", MAPPER.writeValueAsString(manifest));
    if (indexed.statusCode() != 201 && indexed.statusCode() != 200) {
      throw new IOException("index error " + indexed.statusCode() + ": " + indexed.body());
    }
    HttpResponse<String> report =
        http.send("GET", "/matcher/api/v1/vulnerability_report/" + image.manifestDigest(), null);
    if (report.statusCode() != 200) {
      throw new IOException("report error " + report.statusCode() + ": " + report.body());
    }
    return findings(MAPPER.readTree(report.body()));
  }

  private static List<KlarVulnerability> findings(JsonNode report) {
    List<KlarVulnerability> found = new ArrayList<>();
    for (var it = report.path("package_vulnerabilities").fields(); it.hasNext(); ) {
      var entry = it.next();
      JsonNode pkg = report.path("packages").path(entry.getKey());
      for (JsonNode id : entry.getValue()) {
        JsonNode v = report.path("vulnerabilities").path(id.asText());
        String links = v.path("links").asText("").trim();
        found.add(
            new KlarVulnerability(
                v.path("name").asText(""),
                "",
                v.path("description").asText(""),
                links.isEmpty() ? "" : links.split("\\s+")[0],
                v.path("normalized_severity").asText(""),
                v.path("fixed_in_version").asText(""),
                pkg.path("name").asText(""),
                pkg.path("version").asText("")));
      }
    }
    found.sort(
        Comparator.comparing(KlarVulnerability::featureName)
            .thenComparing(KlarVulnerability::featureVersion)
            .thenComparing(KlarVulnerability::name));
    return found;
  }
}
