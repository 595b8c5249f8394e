package dev.vigil.server.http.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.datastore.LegacyLayer;
import dev.vigil.datastore.LegacyLayerStore;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.Requests;
import dev.vigil.server.http.Responses;
import dev.vigil.server.indexer.IndexerService;
import dev.vigil.server.matcher.MatcherService;
import dev.vigil.spi.ScanException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clair's legacy v1 API, the one klar speaks: layers posted one at a time with their parent, each
 * layer's chain indexed as one manifest, features and vulnerabilities read from the last layer.
 */
public final class LegacyRoutes {
  /** Clair's v1 {@code IndexedByVersion}, as its documentation shows it. */
  static final int INDEXED_BY_VERSION = 1;

  private static final String TYPE = "application/json;charset=utf-8";
  private static final int MAX_CHAIN = 1000;

  private final IndexerService indexer;
  private final MatcherService matcher;
  private final LegacyLayerStore layers;

  /** Routes indexing with {@code indexer}, matching with {@code matcher}. */
  public LegacyRoutes(IndexerService indexer, MatcherService matcher, LegacyLayerStore layers) {
    this.indexer = indexer;
    this.matcher = matcher;
    this.layers = layers;
  }

  /** Declares the routes. */
  public void register(RoutesConfig routes) {
    routes.post(ApiPaths.V1_LAYERS, v1(this::post));
    routes.get(ApiPaths.V1_LAYER, v1(this::get));
    routes.delete(ApiPaths.V1_LAYER, v1(this::delete));
    routes.get(ApiPaths.V1_NAMESPACES, v1(this::namespaces));
  }

  private void post(Context ctx) {
    V1.LayerEnvelope envelope = Requests.body(ctx, V1.LayerEnvelope.class, "layer");
    V1.Layer layer = envelope.layer();
    if (layer == null || blank(layer.name()) || blank(layer.path())) {
      throw ApiException.badRequest("failed to deserialize layer: Name and Path are required");
    }
    Map<String, String> headers = layer.headers() == null ? Map.of() : layer.headers();
    List<LegacyLayer> ancestors = ancestors(nullToEmpty(layer.parentName()));
    LegacyChain chain = LegacyChain.of(ancestors, layer.name(), layer.path(), headers);
    IndexerService.Indexed indexed;
    try {
      indexed = indexer.indexLayers(chain.manifest(), chain.refs());
    } catch (ScanException e) {
      throw new ApiException(422, e.getMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    List<Digest> digests = indexed.layers();
    layers.saveLegacyLayer(
        new LegacyLayer(
            layer.name(),
            nullToEmpty(layer.parentName()),
            digests.get(digests.size() - 1),
            layer.path(),
            chain.manifest(),
            LegacyFeatures.namespace(indexed.report())));
    V1.Layer answer =
        new V1.Layer(
            layer.name(),
            null,
            layer.path(),
            headers,
            layer.parentName(),
            layer.format(),
            INDEXED_BY_VERSION,
            null);
    write(ctx, 201, new V1.LayerEnvelope(answer, null));
  }

  private void get(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    LegacyLayer layer = layers.legacyLayer(name).orElseThrow(LegacyRoutes::notFound);
    Map<String, List<String>> query = ctx.queryParamMap();
    boolean withVulnerabilities = query.containsKey("vulnerabilities");
    boolean withFeatures = withVulnerabilities || query.containsKey("features");
    List<V1.Feature> features = null;
    if (withFeatures) {
      IndexReport index =
          indexer.indexReport(layer.manifestHash()).orElseThrow(LegacyRoutes::notFound);
      VulnerabilityReport report = withVulnerabilities ? matcher.scan(index) : null;
      features = LegacyFeatures.features(index, report, layerNames(layer));
    }
    V1.Layer answer =
        new V1.Layer(
            layer.name(),
            layer.namespace(),
            null,
            null,
            layer.parentName(),
            null,
            INDEXED_BY_VERSION,
            features);
    write(ctx, 200, new V1.LayerEnvelope(answer, null));
  }

  private void delete(Context ctx) {
    List<LegacyLayer> deleted = layers.deleteLegacyLayer(ctx.pathParam("name"));
    if (deleted.isEmpty()) {
      throw notFound();
    }
    indexer.deleteManifests(deleted.stream().map(LegacyLayer::manifestHash).toList());
    ctx.status(200);
  }

  private void namespaces(Context ctx) {
    List<V1.Namespace> namespaces =
        layers.legacyNamespaces().stream().map(V1.Namespace::new).toList();
    write(ctx, 200, new V1.NamespacesEnvelope(namespaces));
  }

  /** The stored chain ending with {@code name}, base first; empty for no parent. */
  private List<LegacyLayer> ancestors(String name) {
    List<LegacyLayer> chain = new ArrayList<>();
    String next = name;
    while (!next.isEmpty()) {
      if (chain.size() == MAX_CHAIN) {
        throw ApiException.badRequest("layer chain is longer than " + MAX_CHAIN);
      }
      String current = next;
      LegacyLayer layer =
          layers
              .legacyLayer(current)
              .orElseThrow(
                  () -> ApiException.badRequest("could not find parent layer '" + current + "'"));
      chain.add(layer);
      next = layer.parentName();
    }
    Collections.reverse(chain);
    return chain;
  }

  private Map<Digest, String> layerNames(LegacyLayer top) {
    Map<Digest, String> names = new HashMap<>();
    for (LegacyLayer layer : ancestors(top.name())) {
      names.putIfAbsent(layer.layerHash(), layer.name());
    }
    return names;
  }

  private static ApiException notFound() {
    return ApiException.notFound("the resource cannot be found");
  }

  private static void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(TYPE).result(Json.mapper().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("v1: cannot encode a response body", e);
    }
  }

  /** Writes Clair v1's error body, for failures raised before a v1 handler runs. */
  public static void error(Context ctx, int status, String message) {
    Responses.markError(ctx);
    write(ctx, status, new V1.ErrorEnvelope(new V1.Error(message)));
  }

  /** Runs {@code handler}, answering its failures with Clair v1's error body. */
  private static Handler v1(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (ApiException e) {
        error(ctx, e.status(), e.getMessage());
      }
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
