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
  private static final int UNPROCESSABLE = 422;
  private static final String LAYER_UNREACHABLE = "\"layer-unreachable\"";

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
    HttpResponse<String> indexed = send(manifest);
    if (!indexed(indexed)) {
      throw indexError(indexed);
    }
    return report(manifest.hash());
  }

  /**
   * Indexes {@code manifest} on the server.
   *
   * @return true when indexed, false when the server cannot fetch a layer (Vigil's {@code
   *     layer-unreachable} answer), which the client may upload
   * @throws IOException when the server cannot be reached or answers with another error
   */
  public boolean index(Manifest manifest) throws IOException {
    HttpResponse<String> indexed = send(manifest);
    if (indexed(indexed)) {
      return true;
    }
    if (indexed.statusCode() == UNPROCESSABLE && indexed.body().contains(LAYER_UNREACHABLE)) {
      return false;
    }
    throw indexError(indexed);
  }

  /**
   * The vulnerability report of an indexed manifest.
   *
   * @throws IOException when the server cannot be reached or answers with an error
   */
  public VulnerabilityReport report(Digest manifest) throws IOException {
    HttpResponse<String> report = http.send("GET", REPORT + manifest, null);
    if (report.statusCode() != 200) {
      throw new IOException(
          "clair: report error " + report.statusCode() + ": " + report.body().strip());
    }
    return Json.mapper().readValue(report.body(), VulnerabilityReport.class);
  }

  private HttpResponse<String> send(Manifest manifest) throws IOException {
    return http.send("POST", INDEX, Json.mapper().writeValueAsString(manifest));
  }

  private static boolean indexed(HttpResponse<String> response) {
    return response.statusCode() == 201 || response.statusCode() == 200;
  }

  private static IOException indexError(HttpResponse<String> response) {
    return new IOException(
        "clair: index error " + response.statusCode() + ": " + response.body().strip());
  }
}
