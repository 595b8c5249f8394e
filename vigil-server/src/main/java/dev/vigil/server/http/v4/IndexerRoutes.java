package dev.vigil.server.http.v4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.model.Manifest;
import dev.vigil.model.Vulnerability;
import dev.vigil.server.fetch.LayerFetchException;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import dev.vigil.server.http.Responses;
import dev.vigil.server.http.WireJson;
import dev.vigil.server.indexer.AffectedManifests;
import dev.vigil.server.indexer.IndexRun;
import dev.vigil.server.indexer.IndexerBusyException;
import dev.vigil.server.indexer.IndexerService;
import dev.vigil.spi.ScanException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The indexer's v4 endpoints: index reports, the index state, affected manifests. */
public final class IndexerRoutes {
  static final String INDEX_REPORT_TYPE = "application/vnd.clair.index_report.v1+json";
  static final String INDEX_STATE_TYPE = "application/vnd.clair.index_state.v1+json";
  static final String BULK_DELETE_TYPE = "application/vnd.clair.bulk_delete.v1+json";
  static final String MANIFEST_TYPE = "application/vnd.clair.manifest.v1+json";
  static final String SUMMARIES_TYPE = "application/vnd.clair.vulnerability_summaries.v1+json";
  static final String AFFECTED_TYPE = "application/vnd.clair.affected_manifests.v1+json";
  private static final String JSON = Responses.JSON;

  /** The header that tells how far an index run is (a Vigil extension). */
  static final String PROGRESS_HEADER = "Vigil-Index-Progress";

  /** The error code of a layer the server cannot fetch (a Vigil extension). */
  public static final String LAYER_UNREACHABLE = "layer-unreachable";

  private static final String RETRY_AFTER_SECONDS = "1";
  private static final String LINK_INDEX =
      "<%s>; rel=\"https://projectquay.io/clair/v1/index_report\"";
  private static final String LINK_REPORT =
      "<%s>; rel=\"https://projectquay.io/clair/v1/vulnerability_report\"";

  private final IndexerService indexer;
  private final AffectedManifests affected;

  /** Routes over {@code indexer}. */
  public IndexerRoutes(IndexerService indexer, AffectedManifests affected) {
    this.indexer = indexer;
    this.affected = affected;
  }

  /** Declares the routes. */
  public void register(RoutesConfig routes) {
    routes.post(ApiPaths.INDEX_REPORT, this::index);
    routes.delete(ApiPaths.INDEX_REPORT, this::deleteMany);
    routes.get(ApiPaths.INDEX_REPORT_ONE, this::report);
    routes.delete(ApiPaths.INDEX_REPORT_ONE, this::deleteOne);
    routes.get(ApiPaths.INDEX_STATE, this::state);
    routes.post(ApiPaths.AFFECTED_MANIFEST, this::affectedManifests);
  }

  private void index(Context ctx) throws IOException {
    MediaTypes.requireBody(ctx, MANIFEST_TYPE, JSON);
    String type = MediaTypes.negotiate(ctx, INDEX_REPORT_TYPE, JSON);
    Manifest manifest = Requests.body(ctx, Manifest.class, "manifest");
    if (manifest.hash() == null || manifest.layers().isEmpty()) {
      throw ApiException.badRequest("bogus manifest");
    }
    String next = ApiPaths.INDEX_REPORT + "/" + manifest.hash();
    ctx.res().addHeader("Link", String.format(LINK_INDEX, next));
    ctx.res()
        .addHeader(
            "Link",
            String.format(
                LINK_REPORT,
                ApiPaths.VULNERABILITY_REPORT.replace("{digest}", manifest.hash().toString())));
    String etag = etag();
    if (Requests.unmodified(ctx, etag)) {
      ctx.status(412);
      return;
    }
    IndexerService.Submission submitted;
    try {
      submitted = indexer.submit(manifest);
    } catch (IndexerBusyException e) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      throw new ApiException(429, e.getMessage());
    }
    ctx.header("Location", next);
    if (submitted.stored() == null && prefersAsync(ctx)) {
      IndexRun run = submitted.run();
      ctx.header("Preference-Applied", "respond-async");
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      ctx.header(PROGRESS_HEADER, run.progress().header());
      Responses.json(ctx, 202, type, run.snapshot());
      return;
    }
    IndexReport report;
    try {
      report = submitted.stored() != null ? submitted.stored() : submitted.run().await();
    } catch (LayerFetchException e) {
      throw new ApiException(422, LAYER_UNREACHABLE, "failed to fetch a layer: " + e.getMessage());
    } catch (ScanException e) {
      throw ApiException.badRequest("failed to start scan: " + e.getMessage());
    } catch (IOException e) {
      throw new ApiException(500, "failed to start scan: " + e.getMessage());
    }
    ctx.header("ETag", etag);
    Responses.json(ctx, 201, type, report);
  }

  /** True when the request carries {@code Prefer: respond-async} (RFC 7240). */
  private static boolean prefersAsync(Context ctx) {
    for (String header : Collections.list(ctx.req().getHeaders("Prefer"))) {
      for (String preference : header.split(",")) {
        if (preference.trim().toLowerCase(Locale.ROOT).startsWith("respond-async")) {
          return true;
        }
      }
    }
    return false;
  }

  private void deleteMany(Context ctx) {
    MediaTypes.requireBody(ctx, BULK_DELETE_TYPE, JSON);
    String type = MediaTypes.negotiate(ctx, BULK_DELETE_TYPE, JSON);
    List<Digest> digests =
        Requests.body(
            ctx,
            Json.mapper().getTypeFactory().constructCollectionType(List.class, Digest.class),
            "bulk delete");
    Responses.json(ctx, 200, type, indexer.deleteManifests(digests));
  }

  private void report(Context ctx) {
    String type = MediaTypes.negotiate(ctx, INDEX_REPORT_TYPE, JSON);
    Digest digest = Requests.digest(ctx, "digest");
    Optional<IndexRun> run = indexer.running(digest);
    if (run.isPresent()) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      ctx.header(PROGRESS_HEADER, run.get().progress().header());
      Responses.json(ctx, 200, type, run.get().snapshot());
      return;
    }
    String etag = etag();
    if (Requests.unmodified(ctx, etag)) {
      ctx.status(304);
      return;
    }
    IndexReport report =
        indexer
            .indexReport(digest)
            .orElseThrow(() -> ApiException.notFound("index report not found"));
    ctx.header("ETag", etag);
    Responses.json(ctx, 200, type, report);
  }

  private void deleteOne(Context ctx) {
    indexer.deleteManifests(List.of(Requests.digest(ctx, "digest")));
    ctx.status(204);
  }

  private void state(Context ctx) {
    String type = MediaTypes.negotiate(ctx, INDEX_STATE_TYPE, JSON);
    String etag = etag();
    ctx.header("ETag", etag);
    if (Requests.unmodified(ctx, etag)) {
      ctx.status(304);
      return;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("state", indexer.state());
    Responses.json(ctx, 200, type, body);
  }

  private void affectedManifests(Context ctx) {
    MediaTypes.requireBody(ctx, SUMMARIES_TYPE, JSON);
    String type = MediaTypes.negotiate(ctx, AFFECTED_TYPE, JSON);
    JsonNode body = Requests.tree(ctx, "vulnerabilities");
    JsonNode list = body.isObject() ? body.get("vulnerabilities") : body;
    if (list == null || !list.isArray()) {
      throw ApiException.badRequest(
          "failed to deserialize vulnerabilities: expected an array of vulnerability summaries");
    }
    Map<String, Vulnerability> byId = new LinkedHashMap<>();
    for (JsonNode item : list) {
      Vulnerability v;
      try {
        v = Json.mapper().treeToValue(item, Vulnerability.class);
      } catch (IOException | IllegalArgumentException e) {
        throw ApiException.badRequest("failed to deserialize vulnerabilities: " + e.getMessage());
      }
      String id = v.id() == null || v.id().isEmpty() ? Integer.toString(byId.size()) : v.id();
      byId.put(id, v.withId(id));
    }
    Map<Digest, Set<String>> found = affected.find(byId);
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode vulnerabilities = answer.putObject("vulnerabilities");
    ObjectNode manifests = answer.putObject("vulnerable_manifests");
    found.forEach(
        (manifest, ids) -> {
          ids.forEach(id -> vulnerabilities.set(id, WireJson.tree(byId.get(id))));
          manifests.set(manifest.toString(), Json.mapper().valueToTree(ids));
        });
    WireJson.completeVulnerabilities(vulnerabilities);
    Responses.json(ctx, 200, type, answer);
  }

  private String etag() {
    return "\"" + indexer.state() + "\"";
  }
}
