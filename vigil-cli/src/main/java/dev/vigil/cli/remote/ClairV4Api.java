package dev.vigil.cli.remote;

import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.model.VulnerabilityReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Clair v4 client: posts a manifest (layer URLs with the registry's authorization, so the server
 * fetches the layers itself) and reads back the vulnerability report.
 */
public final class ClairV4Api {
  private static final String INDEX = "/indexer/api/v1/index_report";
  private static final String REPORT = "/matcher/api/v1/vulnerability_report/";

  private final ClairHttp http;

  /** A client over {@code http}. */
  public ClairV4Api(ClairHttp http) {
    this.http = http;
  }

  /**
   * The Clair manifest of an image whose layers live at {@code uris}, each fetched with the
   * registry's {@code authorization} (null for none).
   */
  public static Manifest manifest(
      Digest hash, List<Digest> layers, List<URI> uris, String authorization) {
    Map<String, List<String>> headers =
        authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
    List<LayerRef> refs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      refs.add(new LayerRef(layers.get(i), uris.get(i), headers));
    }
    return new Manifest(hash, refs);
  }

  /**
   * Indexes {@code manifest} on the server and returns its vulnerability report.
   *
   * @throws IOException when the server cannot be reached or answers with an error
   */
  public VulnerabilityReport report(Manifest manifest) throws IOException {
    HttpResponse<String> indexed =
        http.send("POST", INDEX, Json.mapper().writeValueAsString(manifest));
    if (indexed.statusCode() != 201 && indexed.statusCode() != 200) {
      throw new IOException(
          "clair: index error " + indexed.statusCode() + ": " + indexed.body().strip());
    }
    HttpResponse<String> report = http.send("GET", REPORT + manifest.hash(), null);
    if (report.statusCode() != 200) {
      throw new IOException(
          "clair: report error " + report.statusCode() + ": " + report.body().strip());
    }
    return Json.mapper().readValue(report.body(), VulnerabilityReport.class);
  }
}
