package dev.vigil.server.http;

/**
 * The paths of Clair's v4 API and of its legacy v1 API, as Clair's {@code httptransport} names
 * them.
 */
public final class ApiPaths {
  /** The indexer's prefix. */
  public static final String INDEXER = "/indexer/api/v1/";

  /** The matcher's prefix. */
  public static final String MATCHER = "/matcher/api/v1/";

  /** POST a manifest, DELETE many manifests. */
  public static final String INDEX_REPORT = INDEXER + "index_report";

  /** GET or DELETE one manifest's report. */
  public static final String INDEX_REPORT_ONE = INDEX_REPORT + "/{digest}";

  /** GET the indexer state. */
  public static final String INDEX_STATE = INDEXER + "index_state";

  /** POST vulnerabilities, get the manifests they affect. */
  public static final String AFFECTED_MANIFEST = INDEXER + "internal/affected_manifest";

  /** POST layer digests, get those the server lacks (a Vigil extension). */
  public static final String MISSING_LAYERS = INDEXER + "vigil/missing_layers";

  /** PUT one layer blob by its digest (a Vigil extension). */
  public static final String LAYER_BLOB = INDEXER + "vigil/layer/{digest}";

  /** GET a manifest's vulnerability report. */
  public static final String VULNERABILITY_REPORT = MATCHER + "vulnerability_report/{digest}";

  /** GET the update operations. */
  public static final String UPDATE_OPERATION = MATCHER + "internal/update_operation";

  /** DELETE one update operation. */
  public static final String UPDATE_OPERATION_ONE = UPDATE_OPERATION + "/{ref}";

  /** GET the difference between two update operations. */
  public static final String UPDATE_DIFF = MATCHER + "internal/update_diff";

  /** GET a page of a notification set, DELETE it to acknowledge it. */
  public static final String NOTIFICATION = "/notifier/api/v1/notification/{id}";

  /** The OpenAPI document. */
  public static final String OPENAPI = "/openapi/v1";

  /** The legacy API: POST a layer. */
  public static final String V1_LAYERS = "/v1/layers";

  /** The legacy API: GET or DELETE a layer. */
  public static final String V1_LAYER = V1_LAYERS + "/{name}";

  /** The legacy API: GET the namespaces. */
  public static final String V1_NAMESPACES = "/v1/namespaces";

  private ApiPaths() {}
}
