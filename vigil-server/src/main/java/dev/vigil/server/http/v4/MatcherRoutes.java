package dev.vigil.server.http.v4;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.UpdateOperation;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import dev.vigil.server.http.Responses;
import dev.vigil.server.http.WireJson;
import dev.vigil.server.indexer.IndexReportLookup;
import dev.vigil.server.matcher.MatcherService;
import dev.vigil.server.matcher.UpdateDiff;
import dev.vigil.spi.Enricher;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The matcher's v4 endpoints: vulnerability reports and the internal update endpoints. */
public final class MatcherRoutes {
  /** The updaters whose operations are of Clair's kind {@code enrichment}. */
  private static final Set<String> ENRICHMENT_UPDATERS =
      Defaults.enrichers().stream().map(Enricher::updater).collect(Collectors.toSet());

  static final String REPORT_TYPE = "application/vnd.clair.vulnerability_report.v1+json";
  static final String OPERATIONS_TYPE = "application/vnd.clair.update_operations.v1+json";
  static final String DIFF_TYPE = "application/vnd.clair.update_diff.v1+json";
  private static final String JSON = Responses.JSON;
  private static final int RENDERED_REPORTS = 1024;
  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final MatcherService matcher;
  private final IndexReportLookup indexer;
  private final Duration cacheAge;
  private final RenderedReports rendered = new RenderedReports(RENDERED_REPORTS, RECHECK);

  /**
   * Routes over {@code matcher}, reading index reports from {@code indexer}.
   *
   * @param cacheAge how long clients may cache a report ({@code Cache-Control: max-age})
   */
  public MatcherRoutes(MatcherService matcher, IndexReportLookup indexer, Duration cacheAge) {
    this.matcher = matcher;
    this.indexer = indexer;
    this.cacheAge = cacheAge;
  }

  /** Declares the routes. */
  public void register(RoutesConfig routes) {
    routes.get(ApiPaths.VULNERABILITY_REPORT, this::report);
    routes.get(ApiPaths.UPDATE_OPERATION, this::operations);
    routes.delete(ApiPaths.UPDATE_OPERATION_ONE, this::deleteOperation);
    routes.get(ApiPaths.UPDATE_DIFF, this::diff);
  }

  private void report(Context ctx) {
    String type = MediaTypes.negotiate(ctx, REPORT_TYPE, JSON);
    Digest digest = Requests.digest(ctx, "digest");
    if (!matcher.initialized()) {
      ctx.status(202);
      return;
    }
    Optional<byte[]> body;
    try {
      body = rendered.body(digest, matcher.dataVersion(), indexer, this::render);
    } catch (IOException e) {
      throw new ApiException(500, "experienced a server side error: " + e.getMessage());
    }
    byte[] report =
        body.orElseThrow(
            () -> ApiException.notFound("index report for manifest \"" + digest + "\" not found"));
    ctx.header("Cache-Control", "max-age=" + cacheAge.toSeconds());
    ctx.status(200).contentType(type).result(report);
  }

  private byte[] render(IndexReport index) {
    ObjectNode body = WireJson.tree(matcher.scan(index));
    WireJson.completeVulnerabilities(body.get("vulnerabilities"));
    return Responses.encode(body);
  }

  private void operations(Context ctx) {
    String type = MediaTypes.negotiate(ctx, OPERATIONS_TYPE, JSON);
    String kind = ctx.queryParam("kind");
    boolean enrichment = "enrichment".equals(kind);
    if (kind != null && !kind.isEmpty() && !enrichment && !"vulnerability".equals(kind)) {
      throw ApiException.badRequest("unknown kind: \"" + kind + "\"");
    }
    Optional<UpdateOperation> latest = matcher.latestUpdateOperation();
    if (latest.isPresent() && !enrichment) {
      String etag = "\"" + latest.get().ref() + "\"";
      if (Requests.unmodified(ctx, etag)) {
        ctx.status(304);
        return;
      }
      ctx.header("ETag", etag);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    boolean onlyLatest = Boolean.parseBoolean(ctx.queryParam("latest"));
    for (Map.Entry<String, List<UpdateOperation>> entry :
        matcher.updateOperations(onlyLatest).entrySet()) {
      if (ENRICHMENT_UPDATERS.contains(entry.getKey()) == enrichment) {
        ArrayNode ops = body.putArray(entry.getKey());
        entry.getValue().forEach(op -> ops.add(operation(op)));
      }
    }
    Responses.json(ctx, 200, type, body);
  }

  private void deleteOperation(Context ctx) {
    UUID ref = Requests.uuid("ref", ctx.pathParam("ref"));
    matcher.deleteUpdateOperations(List.of(ref));
    ctx.status(200);
  }

  private void diff(Context ctx) {
    String type = MediaTypes.negotiate(ctx, DIFF_TYPE, JSON);
    String cur = ctx.queryParam("cur");
    if (cur == null || cur.isEmpty()) {
      throw ApiException.badRequest("\"cur\" query param is required");
    }
    String prev = ctx.queryParam("prev");
    UUID prevRef = prev == null || prev.isEmpty() ? null : Requests.uuid("prev", prev);
    UpdateDiff diff =
        matcher
            .updateDiff(prevRef, Requests.uuid("cur", cur))
            .orElseThrow(() -> ApiException.notFound("update operation not found"));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (diff.prev() != null) {
      body.set("prev", operation(diff.prev()));
    }
    body.set("cur", operation(diff.cur()));
    ArrayNode added = body.putArray("added");
    diff.added().forEach(v -> added.add(WireJson.tree(v)));
    ArrayNode removed = body.putArray("removed");
    diff.removed().forEach(v -> removed.add(WireJson.tree(v)));
    WireJson.completeVulnerabilities(added);
    WireJson.completeVulnerabilities(removed);
    Responses.json(ctx, 200, type, body);
  }

  /**
   * An update operation as Clair's schema has it, with its kind: {@code enrichment} for the CVSS,
   * EPSS and KEV updaters, else {@code vulnerability}.
   */
  static ObjectNode operation(UpdateOperation op) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("ref", op.ref().toString())
        .put("updater", op.updater())
        .put("fingerprint", op.fingerprint())
        .put("date", op.date().toString())
        .put("kind", ENRICHMENT_UPDATERS.contains(op.updater()) ? "enrichment" : "vulnerability");
  }
}
